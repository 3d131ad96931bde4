import type { Clock } from "../../../clock";
import { holderIsGone } from "../../../jobs/holder";
import type { Logger } from "../../../logger";
import { reportOps } from "../../../ops/events";
import type { DigestRenderer } from "../services/ports";
import type { OutboxMessage, OutboxRepository } from "../storage/outbox";
import type { PauseRepository } from "../storage/pause";
import type { SlackPoster } from "./slack-poster";

/** The reason a subscription is paused when its workspace uninstalls the app; installing again resumes it. */
export const APP_NOT_INSTALLED = "app_not_installed";
const LOCK_MS = 2 * 60_000;
const MAX_ATTEMPTS = 12;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 30 * 60_000;
/** Passes over the outbox per run: a digest's threaded replies go out in the pass after it. */
const MAX_PASSES = 5;

/**
 * Sends what the outbox holds. Each message is locked by one sender before the call to Slack and
 * marked sent with its ts after; a sender that dies leaves the lock to lapse and the message is
 * sent by the next run, here or in another process. A run that fails before recording what became
 * of a message (its database connection cut, say) leaves it to this sender's next run at once, which
 * records a post Slack accepted rather than posting it again.
 */
export class OutboxSender {
  private running: Promise<unknown> = Promise.resolve();
  /** Posts Slack accepted whose ts could not be recorded, by outbox id. */
  private readonly postedUnrecorded = new Map<number, string>();

  constructor(
    private readonly deps: {
      outbox: OutboxRepository;
      pauses: PauseRepository;
      poster: SlackPoster;
      renderer: Pick<DigestRenderer, "pausedNotice">;
      clock: Clock;
      logger: Logger;
      holder: string;
    },
  ) {}

  /** Sends every message that is due (after the run in progress here, if any); returns how many were sent. */
  deliverDue(): Promise<number> {
    const run = this.running.then(() => this.deliverAll());
    this.running = run.catch(() => {});
    return run;
  }

  private async deliverAll(): Promise<number> {
    let sent = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      // Runs here are one at a time, so a message still locked by this sender was left by a run that failed.
      const gone = (holder: string | null) => holder === this.deps.holder || holderIsGone(holder, this.deps.holder);
      const due = (await this.deps.outbox.due(this.deps.clock.now(), 50, gone)).filter(
        (message) => message.thread !== "pending",
      );
      if (due.length === 0) break;
      for (const message of due) if (await this.deliver(message)) sent++;
    }
    return sent;
  }

  private async deliver(message: OutboxMessage): Promise<boolean> {
    const now = this.deps.clock.now();
    const until = new Date(now.getTime() + LOCK_MS);
    if (!(await this.deps.outbox.lock(message.id, this.deps.holder, now, until, message.lockedBy))) return false;
    const posted = this.postedUnrecorded.get(message.id);
    if (posted !== undefined) return this.recordSent(message, posted);
    const thread = message.thread !== "pending" && message.thread ? { threadTs: message.thread.ts } : {};
    const outcome = await this.deps.poster.post({
      workspaceId: message.workspaceId,
      channel: message.channelId,
      text: message.text,
      blocks: message.blocks,
      ...thread,
    });
    if (outcome.ok) {
      this.postedUnrecorded.set(message.id, outcome.ts);
      return this.recordSent(message, outcome.ts);
    }
    const retrying = outcome.kind === "retry" && message.attempts + 1 < MAX_ATTEMPTS;
    reportOps.digestMessage(retrying ? "retry" : "failed");
    if (outcome.kind === "channel") await this.channelUnavailable(message, outcome.error);
    else if (outcome.kind === "not-installed") await this.notInstalled(message, outcome.error);
    else if (retrying) await this.retryLater(message, outcome.error);
    else {
      this.deps.logger.error(`Gave up posting outbox message ${message.key} to ${message.channelId}: ${outcome.error}`);
      await this.deps.outbox.markFailed(message.id, outcome.error, this.deps.clock.now());
    }
    return false;
  }

  private async recordSent(message: OutboxMessage, ts: string): Promise<boolean> {
    await this.deps.outbox.markSent(message.id, ts, this.deps.clock.now());
    this.postedUnrecorded.delete(message.id);
    reportOps.digestMessage("posted");
    return true;
  }

  private async retryLater(message: OutboxMessage, error: string): Promise<void> {
    const delay = Math.min(FIRST_RETRY_MS * 2 ** message.attempts, MAX_RETRY_MS);
    this.deps.logger.warn(`Posting ${message.key} failed (${error}); trying again in ${Math.round(delay / 1000)} s`);
    await this.deps.outbox.retryLater(message.id, error, new Date(this.deps.clock.now().getTime() + delay));
  }

  /**
   * The app is no longer installed in the message's workspace: the subscription is paused (its
   * unsent messages with it, to be offered again once resumed) and nobody is told, since nothing
   * can be posted there. Nothing is retried.
   */
  private async notInstalled(message: OutboxMessage, error: string): Promise<void> {
    const now = this.deps.clock.now();
    const workspace = message.workspaceId ?? "(unknown workspace)";
    const paused =
      message.subscriptionId === null
        ? null
        : await this.deps.pauses.pauseForChannelError(message.subscriptionId, APP_NOT_INSTALLED, now);
    if (paused) {
      this.deps.logger.warn(
        `Paused digest subscription ${paused.id} for ${paused.channelId}: the app is not installed in ${workspace} (${error})`,
      );
      return;
    }
    await this.deps.outbox.markFailed(message.id, error, now);
    this.deps.logger.warn(
      `Skipped ${message.key} to ${message.channelId}: the app is not installed in ${workspace} (${error})`,
    );
  }

  /** The channel is gone or closed to the bot: pause its subscription and tell whoever subscribed it. */
  private async channelUnavailable(message: OutboxMessage, error: string): Promise<void> {
    const now = this.deps.clock.now();
    // Pausing fails this message with the rest of the subscription's unsent ones, in one transaction.
    const paused =
      message.subscriptionId === null
        ? null
        : await this.deps.pauses.pauseForChannelError(message.subscriptionId, error, now);
    if (!paused) {
      await this.deps.outbox.markFailed(message.id, error, now);
      this.deps.logger.warn(`Could not post ${message.key} to ${message.channelId}: ${error}`);
      return;
    }
    this.deps.logger.warn(`Paused digest subscription ${paused.id} for ${paused.channelId}: ${error}`);
    const notice = this.deps.renderer.pausedNotice(paused.channelId, error);
    await this.deps.outbox.enqueue(
      {
        key: `paused:${paused.id}:${now.getTime()}`,
        channelId: paused.subscriberId,
        workspaceId: paused.workspaceId,
        ...notice,
      },
      now,
    );
  }
}
