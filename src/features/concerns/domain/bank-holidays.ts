import { readFile } from "node:fs/promises";
import { z } from "zod";

/** The shape of one division in GOV.UK's https://www.gov.uk/bank-holidays.json. */
const eventSchema = z.object({
  title: z.string().min(1),
  date: z.iso.date(),
  notes: z.string().default(""),
  bunting: z.boolean().default(false),
});

const divisionSchema = z.object({
  division: z.string().min(1),
  events: z.array(eventSchema),
});

/** GOV.UK's whole file: one object per division ("england-and-wales", "scotland", "northern-ireland"). */
const govukFileSchema = z.record(z.string(), z.unknown());

export type BankHolidayEvent = z.output<typeof eventSchema>;
export type BankHolidayDivision = z.output<typeof divisionSchema>;

export const ENGLAND_AND_WALES = "england-and-wales";

/**
 * Accepts either one division object or GOV.UK's whole file (as parsed JSON or as text), and
 * returns the requested division. Throws with a readable message when the data is not usable.
 */
export function parseBankHolidays(json: unknown, division: string = ENGLAND_AND_WALES): BankHolidayDivision {
  const value = typeof json === "string" ? parseJsonText(json) : json;
  const single = divisionSchema.safeParse(value);
  const parsed = single.success ? single.data : fromWholeFile(value, division);
  if (parsed.division !== division) {
    throw new Error(`Expected ${division} bank holidays but found ${parsed.division}.`);
  }
  return parsed;
}

/** "YYYY-MM-DD" dates, the form `isWorkingDay` and friends expect. */
export function holidayDates(division: BankHolidayDivision): Set<string> {
  return new Set(division.events.map((event) => event.date));
}

export interface HolidayMerge {
  division: BankHolidayDivision;
  added: string[];
  changed: string[];
}

/**
 * Folds a fresh list (GOV.UK publishes a few years either side of today) into the kept one: dates
 * only in the kept list stay, so the history back to 2012 is not lost; a date in both takes the
 * fresh title and notes.
 */
export function mergeBankHolidays(kept: BankHolidayDivision, fresh: BankHolidayDivision): HolidayMerge {
  const byDate = new Map(kept.events.map((event) => [event.date, event]));
  const added: string[] = [];
  const changed: string[] = [];
  for (const event of fresh.events) {
    const before = byDate.get(event.date);
    if (!before) added.push(event.date);
    else if (before.title !== event.title || before.notes !== event.notes) changed.push(event.date);
    byDate.set(event.date, event);
  }
  const events = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { division: { division: kept.division, events }, added, changed };
}

/** England and Wales bank holidays from a file in the repository's format (or GOV.UK's). */
export async function loadBankHolidaysFile(file: string): Promise<Set<string>> {
  return holidayDates(parseBankHolidays(await readFile(file, "utf8")));
}

function fromWholeFile(value: unknown, division: string): BankHolidayDivision {
  const file = govukFileSchema.safeParse(value);
  if (!file.success) throw new Error(`Not a bank holidays file: ${z.prettifyError(file.error)}`);
  const found = file.data[division];
  if (found === undefined) throw new Error(`The bank holidays file has no "${division}" division.`);
  const parsed = divisionSchema.safeParse(found);
  if (!parsed.success)
    throw new Error(`The "${division}" bank holidays are not usable: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("The bank holidays file is not valid JSON.");
  }
}
