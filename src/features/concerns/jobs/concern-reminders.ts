import { tz } from "@date-fns/tz";
import { getHours } from "date-fns";
import type { Clock } from "../../../clock";
import { loadBankHolidaysFile, LONDON, type DueReminder, type ReminderService } from "../domain";
import type { Logger } from "../../../logger";

export interface ConcernReminderJobOptions {
  reminders: ReminderService;
  notifier: { remind(reminder: DueReminder): Promise<boolean> };
  /** Drafts of modals never submitted are swept on each run. */
  drafts: { sweep(olderThan: Date): Promise<number> };
  holidaysFile: string;
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
}

const FIFTEEN_MINUTES = 15 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
/** Reminders go out in office hours, London time, when someone will read them. */
const FIRST_HOUR = 9;
const LAST_HOUR = 17;

/**
 * Acknowledgement reminders, checked every few minutes. Safe with several processes: each
 * concern's reminder for a day is claimed with a unique row before it is sent (see ReminderService).
 * Runs never overlap within a process, and the bank holidays file is re-read each run, so
 * `localism bank-holidays refresh` takes effect without a restart.
 */
export class ConcernReminderJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

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

  start(): void {
    this.stopped = false;
    this.schedule(1_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) => this.options.logger.error("Concern reminders failed", error))
        .finally(() => this.schedule(this.options.intervalMs ?? FIFTEEN_MINUTES));
    }, delayMs);
    this.timer.unref();
  }
}
