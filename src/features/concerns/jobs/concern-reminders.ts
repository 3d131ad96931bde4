import { tz } from "@date-fns/tz";
import { getHours } from "date-fns";
import type { Clock } from "../../../clock";
import { LONDON, loadBankHolidaysFile, type ReminderService } from "../domain";

export interface ConcernReminderJobOptions {
  reminders: ReminderService;
  /** Delivers what is owed, the reminders just claimed among it. */
  outbox: { runOnce(): Promise<number> };
  /** Drafts of modals never submitted are swept on each run. */
  drafts: { sweep(olderThan: Date): Promise<number> };
  holidaysFile: string;
  clock: Clock;
}

const DAY_MS = 24 * 60 * 60_000;
/** Reminders go out in office hours, London time, when someone will read them. */
const FIRST_HOUR = 9;
const LAST_HOUR = 17;

/**
 * Acknowledgement reminders, one pass at a time (the job runner repeats it). Safe with several
 * processes: each concern's reminder for a day is claimed with a unique row, written to the concern
 * outbox in the same transaction, and sent by the outbox (see ReminderService). The bank holidays file is re-read each pass, so `localism bank-holidays refresh`
 * takes effect without a restart.
 */
export class ConcernReminderJob {
  constructor(private readonly options: ConcernReminderJobOptions) {}

  /** One pass; returns how many reminders this process claimed (the outbox sends them). */
  async runOnce(): Promise<number> {
    const { clock, reminders, outbox, drafts } = this.options;
    const now = clock.now();
    await drafts.sweep(new Date(now.getTime() - DAY_MS));
    const hour = getHours(now, { in: tz(LONDON) });
    if (hour < FIRST_HOUR || hour >= LAST_HOUR) return 0;
    const holidays = await loadBankHolidaysFile(this.options.holidaysFile);
    const claimed = await reminders.claimDue(now, holidays);
    if (claimed.length > 0) await outbox.runOnce();
    return claimed.length;
  }
}
