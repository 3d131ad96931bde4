import { tz } from "@date-fns/tz";
import { addDays, isValid, parse, startOfDay, sub } from "date-fns";
import { parseReference } from "./concern";
import { parseQuarter, previousQuarter, type Quarter } from "./quarters";
import { displayReceiptCode } from "./receipt";
import { LONDON } from "./working-days";

/** What someone asked of `/concerns`. */
export type ConcernsCommand =
  | { kind: "mine" }
  | { kind: "help" }
  | { kind: "new" }
  | { kind: "status"; number: number; receiptCode: string | null; reply: string | null }
  | { kind: "open" }
  | { kind: "objective"; objective: 1 | 2 | 3 | 4 }
  | { kind: "detail"; number: number }
  | { kind: "export"; from: Date; to: Date }
  | { kind: "report"; quarter: Quarter; format: "md" | "csv" }
  | { kind: "publish" }
  | { kind: "invalid"; message: string };

const CODE_AT_START = /^([A-Za-z0-9]{4}[-\s]?[A-Za-z0-9]{4}[-\s]?[A-Za-z0-9]{4})(?:\s+([\s\S]*))?$/;
const UNITS = { d: "days", w: "weeks", m: "months", y: "years" } as const;
const DEFAULT_EXPORT_DAYS = 30;
const MAX_EXPORT_YEARS = 20;

export function parseConcernsCommand(text: string, now: Date): ConcernsCommand {
  const trimmed = text.trim();
  const [word = "", ...rest] = trimmed.split(/\s+/);
  const args = trimmed.slice(word.length).trim();
  switch (word.toLowerCase()) {
    case "":
    case "mine":
    case "list":
      return { kind: "mine" };
    case "help":
      return { kind: "help" };
    case "new":
      return { kind: "new" };
    case "open":
      return { kind: "open" };
    case "status":
      return status(args);
    case "objective":
      return objective(rest[0] ?? "");
    case "export":
      return exportRange(args, now);
    case "report":
      return report(rest, now);
    case "publish":
      return { kind: "publish" };
  }
  const number = parseReference(trimmed);
  if (number !== null) return { kind: "detail", number };
  return {
    kind: "invalid",
    message: `Sorry, I didn't understand "${trimmed.slice(0, 80)}". \`/concerns help\` lists what you can do.`,
  };
}

function status(args: string): ConcernsCommand {
  const [first = "", ...others] = args.split(/\s+/);
  const number = parseReference(first) ?? parseReference(`${first} ${others[0] ?? ""}`);
  if (number === null)
    return { kind: "invalid", message: "Please give the reference, like `/concerns status CON-0042`." };
  const afterReference = args.replace(/^CON[-\s]?0*\d+\s*/i, "");
  if (!afterReference) return { kind: "status", number, receiptCode: null, reply: null };
  const code = CODE_AT_START.exec(afterReference);
  if (!code?.[1]) {
    return {
      kind: "invalid",
      message:
        "To follow an anonymous concern, add its receipt code: `/concerns status CON-0042 K7QH-3MZP-XW9D`, then your reply if you have one.",
    };
  }
  // Echoed as it was shown in the confirmation ("K7QH-3MZP-XW9D"), however it was typed.
  const receiptCode = displayReceiptCode(code[1]) ?? code[1];
  return { kind: "status", number, receiptCode, reply: code[2]?.trim() || null };
}

function report(args: string[], now: Date): ConcernsCommand {
  const format = args.at(-1)?.toLowerCase();
  const wantsFormat = format === "csv" || format === "md";
  const words = wantsFormat ? args.slice(0, -1) : args;
  const quarter = words.length === 0 ? previousQuarter(now) : parseQuarter(words.join(" "));
  if (!quarter)
    return {
      kind: "invalid",
      message:
        "The report takes a calendar quarter, like `/concerns report 2013Q1` (January to March 2013), and `csv` for a spreadsheet.",
    };
  return { kind: "report", quarter, format: format === "csv" ? "csv" : "md" };
}

function objective(arg: string): ConcernsCommand {
  const n = Number(arg);
  if (n === 1 || n === 2 || n === 3 || n === 4) return { kind: "objective", objective: n };
  return { kind: "invalid", message: "The objectives are numbered 1 to 4, like `/concerns objective 1`." };
}

function exportRange(args: string, now: Date): ConcernsCommand {
  const inLondon = { in: tz(LONDON) };
  if (!args) return { kind: "export", from: sub(now, { days: DEFAULT_EXPORT_DAYS }), to: now };
  const duration = /^(\d+)\s*([dwmy])$/i.exec(args);
  if (duration) {
    const unit = UNITS[(duration[2] ?? "d").toLowerCase() as keyof typeof UNITS];
    const from = sub(now, { [unit]: Number(duration[1]) });
    if (!isValid(from) || from < sub(now, { years: MAX_EXPORT_YEARS })) {
      return {
        kind: "invalid",
        message: `An export goes back at most ${MAX_EXPORT_YEARS} years, like \`/concerns export 5y\`.`,
      };
    }
    return { kind: "export", from, to: now };
  }
  const dates = args.split(/\s+(?:to\s+)?/i).map((part) => parse(part, "yyyy-MM-dd", now, inLondon));
  const [start, end] = dates;
  if (dates.length > 2 || !start || !isValid(start) || (end !== undefined && !isValid(end))) {
    return {
      kind: "invalid",
      message: "Export takes a period like `30d` or `6m`, or dates like `2026-01-01 2026-03-31`.",
    };
  }
  const from = new Date(startOfDay(start, inLondon).getTime());
  const to = end ? new Date(addDays(startOfDay(end, inLondon), 1, inLondon).getTime()) : now;
  if (to <= from) return { kind: "invalid", message: "The export's end date must be on or after its start date." };
  return { kind: "export", from, to };
}
