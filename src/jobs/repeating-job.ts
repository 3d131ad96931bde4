import type { Logger } from "../logger";

/**
 * Runs `work` every `intervalMs`, never twice at once in this process (other processes are kept out
 * by database leases and claims inside the work). `nudge()` runs it as soon as possible; `stop()`
 * cancels the timer and waits for a run in progress.
 */
export class RepeatingJob {
  private timer: NodeJS.Timeout | undefined;
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

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runNow(), delayMs);
    this.timer.unref();
  }

  private async runGuarded(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.work();
      } while (this.again && !this.stopped);
    } catch (error) {
      this.logger.error(`Job ${this.name} failed; it will run again in ${Math.round(this.intervalMs / 1000)} s`, error);
    } finally {
      this.running = undefined;
      this.schedule(this.intervalMs);
    }
  }
}
