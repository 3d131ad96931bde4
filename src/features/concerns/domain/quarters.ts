import { tz } from "@date-fns/tz";
import { addMonths, format } from "date-fns";
import { LONDON } from "./working-days";

/**
 * Calendar quarters, London time: 2013Q1 is 1 January to 31 March 2013. (NHS financial years run
 * April to March, so 2013Q1 is the last quarter of 2012/13; the report says which it uses.)
 */
export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
  /** "2013Q1" */
  key: string;
  /** Midnight London time at the start of the quarter, and of the next one. */
  start: Date;
  end: Date;
}

const PATTERN = /^\s*(\d{4})\s*-?\s*Q([1-4])\s*$|^\s*Q([1-4])\s*-?\s*(\d{4})\s*$/i;

/** "2013Q1", "2013-Q1", "2013 q1" or "Q1 2013"; null when it is not a quarter. */
export function parseQuarter(text: string): Quarter | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1] ?? match[4]);
  const q = Number(match[2] ?? match[3]) as Quarter["q"];
  if (year < 2000 || year > 2999) return null;
  return quarter(year, q);
}

export function quarter(year: number, q: Quarter["q"]): Quarter {
  const start = londonMidnight(year, (q - 1) * 3);
  const end = new Date(addMonths(start, 3, { in: tz(LONDON) }).getTime());
  return { year, q, key: `${year}Q${q}`, start, end };
}

/** The quarter an instant falls in, London time. */
export function quarterOf(at: Date): Quarter {
  const [year, month] = format(at, "yyyy-M", { in: tz(LONDON) })
    .split("-")
    .map(Number) as [number, number];
  return quarter(year, (Math.floor((month - 1) / 3) + 1) as Quarter["q"]);
}

/** The last quarter that has ended. */
export function previousQuarter(now: Date): Quarter {
  const current = quarterOf(now);
  return current.q === 1 ? quarter(current.year - 1, 4) : quarter(current.year, (current.q - 1) as Quarter["q"]);
}

/** "January to March 2013" */
export function quarterMonths(period: Quarter): string {
  const first = format(period.start, "MMMM", { in: tz(LONDON) });
  const last = format(new Date(period.end.getTime() - 1), "MMMM yyyy", { in: tz(LONDON) });
  return `${first} to ${last}`;
}

/** "2012/13": the NHS financial year (April to March) a quarter falls in. */
export function financialYearOf(period: Quarter): string {
  const startYear = period.q === 1 ? period.year - 1 : period.year;
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, "0")}`;
}

function londonMidnight(year: number, monthIndex: number): Date {
  const month = String(monthIndex + 1).padStart(2, "0");
  // Clocks never change on the first of a month in London, so the offset at noon holds at midnight.
  const probe = new Date(`${year}-${month}-01T12:00:00Z`);
  const offset = format(probe, "xxx", { in: tz(LONDON) });
  return new Date(`${year}-${month}-01T00:00:00${offset}`);
}
