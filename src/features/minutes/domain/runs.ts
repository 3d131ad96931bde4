import { TZDate } from "@date-fns/tz";
import { format, getISOWeek, getISOWeekYear } from "date-fns";
import type { DigestSchedule } from "./schedule";

/** The stretch of time one digest covers: from one scheduled run up to (not including) the next. */
export interface DigestPeriod {
  /** Stable name: "2026-03-29" (daily), "2026-W12" (ISO week, weekly), "2026-03" (monthly). */
  key: string;
  start: Date;
  end: Date;
  timeZone: string;
}

/** The one digest to post now: everything since the last digest, however many runs were missed. */
export interface DueDigest extends DigestPeriod {
  /** The scheduled run this digest stands for (equal to `end`). */
  runAt: Date;
  /** How many scheduled runs fell since the last digest (1 when nothing was missed). */
  missedRuns: number;
}

interface CalendarDay {
  year: number;
  month: number; // 0-11, as Date uses
  day: number;
}

const SEARCH_DAYS = 400;
const MAX_COUNTED_RUNS = 10_000;

/**
 * The first scheduled run strictly after `after`. Runs are wall-clock times in the schedule's zone,
 * so 09:00 London is 09:00 GMT in winter and 09:00 BST in summer. A time that does not exist on the
 * day the clocks go forward (01:30 on the last Sunday of March) runs an hour later by the wall clock,
 * the same instant as the missing time; a time that happens twice when they go back runs once.
 */
export function nextRun(schedule: DigestSchedule, after: Date): Date {
  const today = localDay(after, schedule.timeZone);
  for (let offset = -1; offset <= SEARCH_DAYS; offset++) {
    const run = runOnDay(schedule, addDays(today, offset));
    if (run && run.getTime() > after.getTime()) return run;
  }
  throw new Error(`No run found for schedule within ${SEARCH_DAYS} days`);
}

/** The latest scheduled run at or before `at`. */
export function previousRun(schedule: DigestSchedule, at: Date): Date {
  const today = localDay(at, schedule.timeZone);
  for (let offset = 1; offset >= -SEARCH_DAYS; offset--) {
    const run = runOnDay(schedule, addDays(today, offset));
    if (run && run.getTime() <= at.getTime()) return run;
  }
  throw new Error(`No run found for schedule within ${SEARCH_DAYS} days`);
}

/** The period containing `at`: from the latest run at or before it to the run after that. */
export function periodOf(schedule: DigestSchedule, at: Date): DigestPeriod {
  const start = previousRun(schedule, at);
  return { key: periodKey(schedule, start), start, end: nextRun(schedule, start), timeZone: schedule.timeZone };
}

/**
 * The digest to post at `now`, or null if none is due. `lastRunAt` is when the last digest was
 * posted: the new one covers from the scheduled run at or before it up to the latest scheduled run,
 * so after downtime there is one catch-up digest, not one per missed period. With no previous digest
 * (`null`), the most recent complete period is due: pass the schedule's creation time instead if
 * a new schedule should wait for its first run.
 */
export function dueRuns(schedule: DigestSchedule, lastRunAt: Date | null, now: Date): DueDigest | null {
  const runAt = previousRun(schedule, now);
  if (lastRunAt && lastRunAt.getTime() >= runAt.getTime()) return null;
  const finalPeriod = periodOf(schedule, new Date(runAt.getTime() - 1));
  const start = lastRunAt ? previousRun(schedule, lastRunAt) : finalPeriod.start;
  return {
    key: finalPeriod.key,
    start,
    end: runAt,
    timeZone: schedule.timeZone,
    runAt,
    missedRuns: lastRunAt ? countRuns(schedule, lastRunAt, runAt) : 1,
  };
}

/**
 * What one digest covers, and the period it names in its header and counts as. The header runs from
 * where the channel's last digest ended (`coveredUntil`) to the end of the scheduled period the
 * digest counts as, so `/digest preview`, `/digest now` and the scheduled post of one period all
 * name the same days, whenever in the period they are made.
 */
export interface DigestWindow {
  /** Minutes stored from here... */
  from: Date;
  /** ...up to here (not included). */
  to: Date;
  /** The period the digest counts as (its claim key) and names (start to end). */
  period: { key: string; start: Date; end: Date };
  /** Scheduled runs this one digest stands for (more than 1 after the bot was down). */
  missedRuns: number;
}

/**
 * The digest a channel would get at `now` (`/digest preview` and `/digest now`): what has arrived since
 * its last digest, counted as the current period's digest, or the next period's when the current
 * one's has already gone out (`currentPeriodClaimed`).
 */
export function digestWindow(
  schedule: DigestSchedule,
  coveredUntil: Date,
  now: Date,
  currentPeriodClaimed = false,
): DigestWindow {
  const current = periodOf(schedule, now);
  const period = currentPeriodClaimed ? periodOf(schedule, current.end) : current;
  return {
    from: coveredUntil,
    to: now,
    period: { key: period.key, start: coveredUntil, end: period.end },
    missedRuns: 1,
  };
}

/** The scheduled digest that is due: everything since the last digest, up to the run. */
export function dueWindow(due: DueDigest, coveredUntil: Date): DigestWindow {
  return {
    from: coveredUntil,
    to: due.end,
    period: { key: due.key, start: coveredUntil, end: due.end },
    missedRuns: due.missedRuns,
  };
}

/** The period a digest names, in the subscription's time zone. */
export function windowPeriod(window: DigestWindow, timeZone: string): Pick<DigestPeriod, "start" | "end" | "timeZone"> {
  return { start: window.period.start, end: window.period.end, timeZone };
}

/** "16–23 March 2026", "28 March – 4 April 2026", "29 December 2025 – 5 January 2026" */
export function periodLabel(period: Pick<DigestPeriod, "start" | "end" | "timeZone">): string {
  const start = new TZDate(period.start.getTime(), period.timeZone);
  const end = new TZDate(period.end.getTime(), period.timeZone);
  if (format(start, "yyyy-MM-dd") === format(end, "yyyy-MM-dd")) return format(start, "d MMMM yyyy");
  if (start.getFullYear() !== end.getFullYear())
    return `${format(start, "d MMMM yyyy")} – ${format(end, "d MMMM yyyy")}`;
  if (start.getMonth() !== end.getMonth()) return `${format(start, "d MMMM")} – ${format(end, "d MMMM yyyy")}`;
  return `${format(start, "d")}–${format(end, "d MMMM yyyy")}`;
}

function countRuns(schedule: DigestSchedule, after: Date, upTo: Date): number {
  let count = 0;
  for (let run = nextRun(schedule, after); run.getTime() <= upTo.getTime(); run = nextRun(schedule, run)) {
    if (++count >= MAX_COUNTED_RUNS) break;
  }
  return count;
}

function periodKey(schedule: DigestSchedule, start: Date): string {
  const local = new TZDate(start.getTime(), schedule.timeZone);
  if (schedule.frequency === "daily") return format(local, "yyyy-MM-dd");
  if (schedule.frequency === "monthly") return format(local, "yyyy-MM");
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, "0")}`;
}

function runOnDay(schedule: DigestSchedule, day: CalendarDay): Date | null {
  if (!runsOn(schedule, day)) return null;
  const [hours, minutes] = schedule.time.split(":").map(Number);
  const local = new TZDate(day.year, day.month, day.day, hours ?? 0, minutes ?? 0, 0, schedule.timeZone);
  return new Date(local.getTime());
}

function runsOn(schedule: DigestSchedule, { year, month, day }: CalendarDay): boolean {
  if (schedule.frequency === "daily") return true;
  if (schedule.frequency === "weekly") return new Date(Date.UTC(year, month, day)).getUTCDay() === schedule.weekday;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return schedule.dayOfMonth === "last" ? day === lastDay : day === schedule.dayOfMonth;
}

function localDay(instant: Date, timeZone: string): CalendarDay {
  const local = new TZDate(instant.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() };
}

function addDays({ year, month, day }: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(year, month, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
}
