import type { DigestFilter } from "./compose";
import { type DigestSchedule, parseScheduleCommand } from "./schedule";

/** What `/digest ...` asks for. */
export type DigestCommand =
  | { kind: "help" }
  | { kind: "subscribe"; schedule: DigestSchedule; quietNotes: boolean; filter: DigestFilter }
  | { kind: "unsubscribe" }
  | { kind: "resume" }
  | { kind: "status" }
  | { kind: "preview" }
  | { kind: "now" }
  | { kind: "sources" }
  | { kind: "source-add"; url: string }
  | { kind: "source-remove"; id: number }
  | { kind: "source-mute"; id: number }
  | { kind: "source-unmute"; id: number }
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

/**
 * Reads the text after `/digest`: "subscribe weekly monday 09:00 quiet", "subscribe daily 08:30
 * objectives 1,3", "subscribe weekly friday 16:00 autonomy", "source add <url>", "source mute 2", "status"...
 */
export function parseDigestCommand(text: string, options: { defaultTime?: string | null } = {}): DigestCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const verb = (words[0] ?? "").toLowerCase();
  const rest = words.slice(1);
  if (verb === "subscribe") return subscribe(rest, options.defaultTime ?? null);
  if (verb === "source") return source(rest);
  const simple = Object.hasOwn(SIMPLE, verb) ? SIMPLE[verb] : undefined;
  if (simple && rest.length === 0) return simple;
  return {
    kind: "invalid",
    message: `Sorry, I don't know "/digest ${text.trim()}". Try \`/digest subscribe weekly monday 09:00\`, \`/digest status\` or \`/digest help\`.`,
  };
}

const OBJECTIVE_WORDS = new Set(["objectives", "objective"]);
const AUTONOMY_WORDS = new Set(["autonomy", "autonomy-only"]);
const OBJECTIVES_EXAMPLE = "`/digest subscribe weekly monday 09:00 objectives 1,3`";

function subscribe(words: string[], defaultTime: string | null): DigestCommand {
  const narrowing = readNarrowing(words);
  if ("message" in narrowing) return { kind: "invalid", message: narrowing.message };
  const { filter, rest } = narrowing;
  const quietNotes = rest.some((word) => QUIET_WORDS.has(word.toLowerCase()));
  const scheduleWords = rest.filter((word) => !QUIET_WORDS.has(word.toLowerCase()));
  if (scheduleWords.length === 0) {
    return {
      kind: "invalid",
      message:
        "Please say when to post, for example `/digest subscribe weekly monday 09:00`, `/digest subscribe daily 08:30` or `/digest subscribe monthly 1 09:00`.",
    };
  }
  const parsed = parseScheduleCommand(scheduleWords.join(" "), defaultTime);
  return parsed.ok
    ? { kind: "subscribe", schedule: parsed.schedule, quietNotes, filter }
    : { kind: "invalid", message: parsed.message };
}

/**
 * Takes "objectives 1,3" (also "objective 2", "objectives 1, 3", "objectives 1 3") and "autonomy"
 * out of the words, leaving the schedule and "quiet".
 */
function readNarrowing(words: string[]): { filter: DigestFilter; rest: string[] } | { message: string } {
  const objectives = new Set<number>();
  let autonomyOnly = false;
  const rest: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? "";
    const lower = word.toLowerCase();
    if (AUTONOMY_WORDS.has(lower)) {
      autonomyOnly = true;
      continue;
    }
    if (!OBJECTIVE_WORDS.has(lower)) {
      rest.push(word);
      continue;
    }
    const numbers: string[] = [];
    while (index + 1 < words.length && /^[\d,]+$/.test(words[index + 1] ?? "")) numbers.push(words[++index] ?? "");
    const listed = numbers.join(",").split(",").filter(Boolean).map(Number);
    if (listed.length === 0 || listed.some((number) => !Number.isInteger(number) || number < 1 || number > 4)) {
      const shown = numbers.join(" ") || "nothing";
      return {
        message: `The objectives are numbered 1 to 4 (you gave ${shown}). Name the ones this channel wants, for example ${OBJECTIVES_EXAMPLE}, or add \`autonomy\` for only what touches CCG autonomy.`,
      };
    }
    for (const number of listed) objectives.add(number);
  }
  return { filter: { objectives: [...objectives].sort((a, b) => a - b), autonomyOnly }, rest };
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
  const kinds = { remove: "source-remove", mute: "source-mute", unmute: "source-unmute" } as const;
  if ((verb === "remove" || verb === "mute" || verb === "unmute") && argument && extra.length === 0) {
    const id = Number(argument.replace(/^#/, ""));
    if (Number.isInteger(id) && id > 0 && id <= MAX_ID) return { kind: kinds[verb], id };
  }
  return {
    kind: "invalid",
    message:
      "Use `/digest sources`, `/digest source add <url>`, `/digest source remove <id>`, or `/digest source mute <id>` / `unmute <id>` for this channel only (the id is the number `/digest sources` shows).",
  };
}

/** Slack may send a pasted link as "<https://x|label>": keep the address. */
function unwrapSlackLink(text: string): string {
  return /^<([^|>]+)(?:\|[^>]*)?>$/.exec(text)?.[1] ?? text;
}
