import { tz } from "@date-fns/tz";
import { getHours } from "date-fns";
import type { Clock } from "../../../clock";
import { type DueReminder, LONDON, loadBankHolidaysFile, type ReminderService } from "../domain";

export interface ConcernReminderJobOptions {
  reminders: ReminderService;
  notifier: { remind(reminder: DueReminder): Promise<boolean> };
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
 * processes: each concern's reminder for a day is claimed with a unique row before it is sent (see
 * ReminderService). The bank holidays file is re-read each pass, so `localism bank-holidays refresh`
 * takes effect without a restart.
 */
export class ConcernReminderJob {
  constructor(private readonly options: ConcernReminderJobOptions) {}

  /** One pass; returns how many reminders this process sent. */
  async runOnce(): Promise<number> {
    const { clock, reminders, notifier, drafts } = this.options;
    const now = clock.now();
    await drafts.sweep(new Date(now.getTime() - DAY_MS));
    const hour = getHours(now, { in: tz(LONDON) });
    if (hour < FIRST_HOUR || hour >= LAST_HOUR) return 0;
    const holidays = await loadBankHolidaysFile(this.options.holidaysFile);
    let sent = 0;
    for (const reminder of await reminders.claimDue(now, holidays)) {
      if (await notifier.remind(reminder)) sent += 1;
      else await reminders.release(reminder);
    }
    return sent;
  }
}
