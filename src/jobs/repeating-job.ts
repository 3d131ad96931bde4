import type { Logger } from "../logger";

/**
 * Runs `work` every `intervalMs`, never twice at once in this process (other processes are kept out
 * by database leases and claims inside the work). `nudge()` runs it as soon as possible; `stop()`
 * cancels the timer and waits for a run in progress.
 */
export class RepeatingJob {
  private timer: NodeJS.Timeout | undefined;
  private nextRunAt: number | undefined;
  /** A run asked for by runAfter later than the next one already due, or while one was in progress. */
  private askedFor: number | undefined;
  private working = false;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
    private readonly logger: Logger,
    private readonly firstRunAfterMs = intervalMs,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.firstRunAfterMs);
  }

  /** Runs now (or right after the run in progress); resolves when that run has finished. */
  async runNow(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      await this.running;
      if (this.running) await this.running;
      return;
    }
    this.running = this.runGuarded();
    await this.running;
  }

  nudge(): void {
    void this.runNow();
  }

  /** Runs again within `delayMs`, sooner than the interval would (work put off until then, say). */
  runAfter(delayMs: number): void {
    if (this.stopped) return;
    const at = Date.now() + delayMs;
    if (!this.working && (this.nextRunAt === undefined || at < this.nextRunAt)) {
      this.schedule(delayMs);
      return;
    }
    // The run in progress, or the one due sooner, schedules the next: it is to come no later than this.
    this.askedFor = Math.min(this.askedFor ?? at, at);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.nextRunAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.runNow(), delayMs);
    this.timer.unref();
  }

  private async runGuarded(): Promise<void> {
    this.working = true;
    try {
      do {
        this.again = false;
        await this.work();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.error(`Job ${this.name} failed; it will run again in ${Math.round(this.intervalMs / 1000)} s`, error);
    } finally {
      this.working = false;
      this.running = undefined;
      const asked = this.askedFor === undefined ? this.intervalMs : this.askedFor - Date.now();
      this.askedFor = undefined;
      this.schedule(Math.max(0, Math.min(this.intervalMs, asked)));
    }
  }
}
