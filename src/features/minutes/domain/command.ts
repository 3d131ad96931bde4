import { type DigestSchedule, parseScheduleCommand } from "./schedule";

/** What `/digest ...` asks for. */
export type DigestCommand =
  | { kind: "help" }
  | { kind: "subscribe"; schedule: DigestSchedule; quietNotes: boolean }
  | { kind: "unsubscribe" }
  | { kind: "resume" }
  | { kind: "status" }
  | { kind: "preview" }
  | { kind: "now" }
  | { kind: "sources" }
  | { kind: "source-add"; url: string }
  | { kind: "source-remove"; id: number }
  | { kind: "invalid"; message: string };

/** Stored ids are 32-bit integers; anything larger cannot be one. */
const MAX_ID = 2_147_483_647;
const QUIET_WORDS = new Set(["quiet", "quiet-weeks", "quiet-notes"]);
const SIMPLE: Record<string, DigestCommand> = {
  "": { kind: "help" },
  help: { kind: "help" },
  unsubscribe: { kind: "unsubscribe" },
  stop: { kind: "unsubscribe" },
  resume: { kind: "resume" },
  status: { kind: "status" },
  preview: { kind: "preview" },
  now: { kind: "now" },
  sources: { kind: "sources" },
};

/** Reads the text after `/digest`: "subscribe weekly monday 09:00 quiet", "source add <url>", "status"... */
export function parseDigestCommand(text: string): DigestCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const verb = (words[0] ?? "").toLowerCase();
  const rest = words.slice(1);
  if (verb === "subscribe") return subscribe(rest);
  if (verb === "source") return source(rest);
  const simple = Object.hasOwn(SIMPLE, verb) ? SIMPLE[verb] : undefined;
  if (simple && rest.length === 0) return simple;
  return {
    kind: "invalid",
    message: `Sorry, I don't know "/digest ${text.trim()}". Try \`/digest subscribe weekly monday 09:00\`, \`/digest status\` or \`/digest help\`.`,
  };
}

function subscribe(words: string[]): DigestCommand {
  const quietNotes = words.some((word) => QUIET_WORDS.has(word.toLowerCase()));
  const scheduleWords = words.filter((word) => !QUIET_WORDS.has(word.toLowerCase()));
  if (scheduleWords.length === 0) {
    return {
      kind: "invalid",
      message:
        "Please say when to post, for example `/digest subscribe weekly monday 09:00`, `/digest subscribe daily 08:30` or `/digest subscribe monthly 1 09:00`.",
    };
  }
  const parsed = parseScheduleCommand(scheduleWords.join(" "));
  return parsed.ok
    ? { kind: "subscribe", schedule: parsed.schedule, quietNotes }
    : { kind: "invalid", message: parsed.message };
}

function source(words: string[]): DigestCommand {
  const [action = "", argument, ...extra] = words;
  const verb = action.toLowerCase();
  if ((verb === "list" || verb === "") && !argument) return { kind: "sources" };
  if (verb === "add" && argument && extra.length === 0) {
    const url = unwrapSlackLink(argument);
    if (/^https?:\/\/[^\s/]+/i.test(url)) return { kind: "source-add", url };
    return {
      kind: "invalid",
      message: `"${url}" isn't a web address. Add a feed or document like \`/digest source add https://www.gov.uk/government/organisations/department-of-health-and-social-care.atom\`.`,
    };
  }
  if (verb === "remove" && argument && extra.length === 0) {
    const id = Number(argument.replace(/^#/, ""));
    if (Number.isInteger(id) && id > 0 && id <= MAX_ID) return { kind: "source-remove", id };
  }
  return {
    kind: "invalid",
    message:
      "Use `/digest sources`, `/digest source add <url>` or `/digest source remove <id>` (the id is the number `/digest sources` shows).",
  };
}

/** Slack may send a pasted link as "<https://x|label>": keep the address. */
function unwrapSlackLink(text: string): string {
  return /^<([^|>]+)(?:\|[^>]*)?>$/.exec(text)?.[1] ?? text;
}
