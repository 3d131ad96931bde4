import { z } from "zod";

export type Frequency = "daily" | "weekly" | "monthly";

/** When a channel's digest is posted. Times are wall-clock times in `timeZone`. */
export interface DigestSchedule {
  frequency: Frequency;
  /** 0 = Sunday ... 6 = Saturday; weekly schedules only. */
  weekday?: number;
  /** 1-28, or "last" for the last day of each month; monthly schedules only. */
  dayOfMonth?: number | "last";
  /** 24-hour "HH:MM". */
  time: string;
  timeZone: string;
}

export type ScheduleParseResult = { ok: true; schedule: DigestSchedule } | { ok: false; message: string };

export const DEFAULT_TIME_ZONE = "Europe/London";
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY_ALIASES: Record<string, number> = { tues: 2, weds: 3, thur: 4, thurs: 4 };
const ORDINAL_SUFFIXES: Record<number, string> = { 1: "st", 2: "nd", 3: "rd" };
const EXAMPLES = '"weekly monday 09:00", "daily 08:30" or "monthly 1 09:00"';

/** Weekday number from "monday", "Mon", "thurs"... or null. */
export function weekdayNumber(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower in WEEKDAY_ALIASES) return WEEKDAY_ALIASES[lower] ?? null;
  const index = WEEKDAYS.findIndex((day) => lower.length >= 3 && day.startsWith(lower));
  return index >= 0 ? index : null;
}

/** The canonical IANA name ("Europe/London") of a time zone, or null if unknown. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Validates a stored or submitted schedule; weekday names are accepted and stored as numbers. */
export const digestScheduleSchema = z
  .object({
    frequency: z.enum(["daily", "weekly", "monthly"]),
    weekday: z
      .union([z.number().int().min(0).max(6), z.string().transform((name) => weekdayNumber(name) ?? -1)])
      .pipe(z.number().int().min(0, "unknown weekday").max(6))
      .optional(),
    dayOfMonth: z.union([z.number().int().min(1).max(28), z.literal("last")]).optional(),
    time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "time must be HH:MM (24-hour)"),
    timeZone: z
      .string()
      .default(DEFAULT_TIME_ZONE)
      .transform((zone, ctx) => {
        const canonical = canonicalTimeZone(zone);
        if (canonical) return canonical;
        ctx.addIssue("unknown time zone");
        return z.NEVER;
      }),
  })
  .refine((s) => s.frequency !== "weekly" || s.weekday !== undefined, {
    message: "a weekly schedule needs a weekday",
    path: ["weekday"],
  })
  .refine((s) => s.frequency !== "monthly" || s.dayOfMonth !== undefined, {
    message: "a monthly schedule needs a day of the month",
    path: ["dayOfMonth"],
  });

/** A schedule read back from storage, or null if it no longer validates. */
export function parseStoredSchedule(value: unknown): DigestSchedule | null {
  const result = digestScheduleSchema.safeParse(value);
  return result.success ? result.data : null;
}

/**
 * Reads "weekly monday 09:00", "daily 08:30", "monthly 1 09:00", "monthly last 17:00" or
 * "weekly fri 16:00 Europe/London" (the time zone is optional and defaults to Europe/London).
 * With a `defaultTime`, the time may be left out: "weekly monday".
 */
export function parseScheduleCommand(input: string, defaultTime: string | null = null): ScheduleParseResult {
  const tokens = input.trim().split(/\s+/).filter(Boolean);
  const [frequencyWord, ...rest] = tokens;
  if (!frequencyWord) return fail(`Please tell me when to post the digest, for example ${EXAMPLES}.`);
  const frequency = frequencyWord.toLowerCase();
  if (frequency !== "daily" && frequency !== "weekly" && frequency !== "monthly") {
    return fail(
      `Sorry, I couldn't read "${input.trim()}" as a schedule: it should start with daily, weekly or monthly, ` +
        `for example ${EXAMPLES}.`,
    );
  }
  const partial: Partial<DigestSchedule> = { frequency };
  const remaining = [...rest];
  if (frequency === "weekly") {
    const weekday = weekdayNumber(remaining.shift() ?? "");
    if (weekday === null) {
      return fail('Sorry, a weekly digest needs a day of the week, for example "weekly monday 09:00".');
    }
    partial.weekday = weekday;
  }
  if (frequency === "monthly") {
    const day = dayOfMonth(remaining.shift() ?? "");
    if (day === null) {
      return fail(
        'Sorry, the day of the month should be a number from 1 to 28 (so every month has it) or "last", ' +
          'for example "monthly 1 09:00".',
      );
    }
    partial.dayOfMonth = day;
  }
  if (defaultTime && remaining.length === 0) remaining.push(defaultTime);
  return withTimeAndZone(partial, remaining, frequency);
}

function withTimeAndZone(
  partial: Partial<DigestSchedule>,
  tokens: string[],
  frequency: Frequency,
): ScheduleParseResult {
  const [timeWord, zoneWord, ...extra] = tokens;
  const time = timeWord ? normaliseTime(timeWord) : null;
  if (!time) {
    const shown = timeWord ? `"${timeWord}" isn't a time I can use` : "I need a time too";
    return fail(`Sorry, ${shown}: please give a 24-hour time such as 09:00, for example "${exampleFor(frequency)}".`);
  }
  const timeZone = zoneWord ? canonicalTimeZone(zoneWord) : DEFAULT_TIME_ZONE;
  if (!timeZone) {
    return fail(
      `Sorry, I don't know the time zone "${zoneWord}". Please use a name such as Europe/London, ` +
        'for example "weekly fri 16:00 Europe/London".',
    );
  }
  if (extra.length > 0) {
    return fail(`Sorry, I didn't understand "${extra.join(" ")}" at the end. A schedule looks like ${EXAMPLES}.`);
  }
  return { ok: true, schedule: { ...partial, frequency, time, timeZone } };
}

/** "every Monday at 09:00 (Europe/London)" */
export function describeSchedule(schedule: DigestSchedule): string {
  const at = `at ${schedule.time} (${schedule.timeZone})`;
  if (schedule.frequency === "daily") return `every day ${at}`;
  if (schedule.frequency === "weekly") {
    const day = WEEKDAYS[schedule.weekday ?? 1] ?? "monday";
    return `every ${day.charAt(0).toUpperCase()}${day.slice(1)} ${at}`;
  }
  const day = schedule.dayOfMonth === "last" ? "the last day" : `the ${ordinal(schedule.dayOfMonth ?? 1)}`;
  return `on ${day} of every month ${at}`;
}

function normaliseTime(word: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(word);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

function dayOfMonth(word: string): number | "last" | null {
  if (word.toLowerCase() === "last") return "last";
  const match = /^(\d{1,2})(?:st|nd|rd|th)?$/i.exec(word);
  const day = match ? Number(match[1]) : NaN;
  return day >= 1 && day <= 28 ? day : null;
}

function ordinal(day: number): string {
  const teens = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teens ? "th" : (ORDINAL_SUFFIXES[day % 10] ?? "th");
  return `${day}${suffix}`;
}

function exampleFor(frequency: Frequency): string {
  return { daily: "daily 08:30", weekly: "weekly monday 09:00", monthly: "monthly 1 09:00" }[frequency];
}

function fail(message: string): ScheduleParseResult {
  return { ok: false, message };
}

export type { DigestPeriod, DueDigest } from "./runs";
export { dueRuns, nextRun, periodOf, previousRun } from "./runs";
