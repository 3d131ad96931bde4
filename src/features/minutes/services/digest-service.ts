import type { Clock } from "../../../clock";
import { processHolder } from "../../../jobs/holder";
import type { Logger } from "../../../logger";
import type { DigestFilter } from "../domain/compose";
import { type DigestWindow, digestWindow, dueWindow } from "../domain/runs";
import { type DigestSchedule, dueRuns, nextRun, periodOf, previousRun } from "../domain/schedule";
import type { ClaimRecord, ClaimRepository } from "../storage/claims";
import type { MinutesReader, StoredMinutes } from "../storage/reader";
import type { MuteOutcome, SubscriptionRecord, SubscriptionRepository } from "../storage/subscriptions";
import { type DigestBuilder, PassCache, type PreparedDigest } from "./digest-builder";
import type { DigestPart } from "./ports";

export interface DigestStatus {
  subscription: SubscriptionRecord;
  /** null while paused. */
  nextRun: Date | null;
  /** True when a run was missed and the catch-up digest goes out at the next check. */
  catchUpDue: boolean;
  lastDigest: ClaimRecord | null;
  /** Minutes stored since the last digest: what the next one would contain. */
  waiting: StoredMinutes[];
}

export type PostNowResult =
  | { outcome: "queued"; documents: number; updates: number }
  | { outcome: "empty"; since: Date; nextRun: Date }
  | { outcome: "already"; claim: ClaimRecord }
  | { outcome: "not-subscribed" };

/** Subscriptions and the digests they produce. Safe with several processes on one database. */
export class DigestService {
  /** Identifies this process in claims and outbox locks. */
  /** Host, process id and a fresh id: a restarted process can tell the holder it finds has died. */
  readonly instanceId = processHolder();

  constructor(
    private readonly deps: {
      subscriptions: SubscriptionRepository;
      claims: ClaimRepository;
      reader: MinutesReader;
      builder: DigestBuilder;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Subscribes (or re-subscribes) a channel; the first digest covers minutes from the start of the current period. */
  async subscribe(input: {
    workspaceId: string;
    channelId: string;
    userId: string;
    schedule: DigestSchedule;
    quietNotes: boolean;
    filter: DigestFilter;
  }) {
    const now = this.deps.clock.now();
    const { subscription, created } = await this.deps.subscriptions.subscribe({
      workspaceId: input.workspaceId,
      channelId: input.channelId,
      schedule: input.schedule,
      quietNotes: input.quietNotes,
      filter: input.filter,
      subscriberId: input.userId,
      coveredFrom: previousRun(input.schedule, now),
      now,
    });
    return { subscription, created, nextRun: nextRun(subscription.schedule, now) };
  }

  unsubscribe(workspaceId: string, channelId: string): Promise<boolean> {
    return this.deps.subscriptions.unsubscribe(workspaceId, channelId);
  }

  find(workspaceId: string, channelId: string): Promise<SubscriptionRecord | null> {
    return this.deps.subscriptions.find(workspaceId, channelId);
  }

  inWorkspace(workspaceId: string): Promise<SubscriptionRecord[]> {
    return this.deps.subscriptions.inWorkspace(workspaceId);
  }

  /** Leaves a source out of this channel's digests (or brings it back), without removing it for everyone. */
  async setMuted(
    input: { workspaceId: string; channelId: string; userId: string; sourceId: number },
    muted: boolean,
  ): Promise<MuteOutcome | "not-subscribed"> {
    const subscription = await this.find(input.workspaceId, input.channelId);
    if (!subscription) return "not-subscribed";
    return muted
      ? this.deps.subscriptions.mute(subscription.id, input.sourceId, input.userId, this.deps.clock.now())
      : this.deps.subscriptions.unmute(subscription.id, input.sourceId);
  }

  async resume(subscription: SubscriptionRecord): Promise<void> {
    await this.deps.subscriptions.resume(subscription.id);
  }

  async status(workspaceId: string, channelId: string): Promise<DigestStatus | null> {
    const subscription = await this.find(workspaceId, channelId);
    if (!subscription) return null;
    const now = this.deps.clock.now();
    const catchUpDue = !subscription.pausedAt && dueRuns(subscription.schedule, subscription.lastRunAt, now) !== null;
    return {
      subscription,
      nextRun: subscription.pausedAt ? null : catchUpDue ? now : nextRun(subscription.schedule, now),
      catchUpDue,
      lastDigest: await this.deps.claims.latest(subscription.id),
      waiting: await this.deps.builder.candidates(subscription, { from: subscription.coveredUntil, to: now }),
    };
  }

  /** The next digest as it stands now, for `/digest preview`: nothing is recorded or posted. */
  async preview(subscription: SubscriptionRecord): Promise<{ parts: DigestPart[]; prepared: PreparedDigest }> {
    const now = this.deps.clock.now();
    const claimed = await this.deps.claims.find(subscription.id, periodOf(subscription.schedule, now).key);
    const window = digestWindow(subscription.schedule, subscription.coveredUntil, now, claimed !== null);
    const prepared = await this.deps.builder.prepare(subscription, window, "preview");
    const digestDrafts = prepared.drafts.filter((draft) => draft.threadParentId === undefined);
    return {
      parts: digestDrafts.map((draft) => ({ message: { text: draft.text, blocks: draft.blocks }, documents: [] })),
      prepared,
    };
  }

  /** `/digest now`: posts what has arrived since the last digest, counted as this period's digest. */
  async postNow(workspaceId: string, channelId: string): Promise<PostNowResult> {
    const subscription = await this.find(workspaceId, channelId);
    if (!subscription) return { outcome: "not-subscribed" };
    const now = this.deps.clock.now();
    const window = digestWindow(subscription.schedule, subscription.coveredUntil, now);
    const { key } = window.period;
    const existing = await this.deps.claims.find(subscription.id, key);
    if (existing) return { outcome: "already", claim: existing };
    const prepared = await this.deps.builder.prepare(subscription, window, `digest:${subscription.id}:${key}`);
    if (prepared.drafts.length === 0)
      return { outcome: "empty", since: subscription.coveredUntil, nextRun: nextRun(subscription.schedule, now) };
    const claimId = await this.claim(subscription, window, now, prepared);
    if (claimId === null) {
      const claim = await this.deps.claims.find(subscription.id, key);
      if (claim) return { outcome: "already", claim };
    }
    return { outcome: "queued", documents: prepared.documents.length, updates: prepared.threadUpdates.length };
  }

  /**
   * Claims every digest that is due: one per subscription, covering everything since its last
   * digest however many runs were missed. Returns how many this process claimed.
   */
  async claimDue(): Promise<number> {
    const now = this.deps.clock.now();
    const cache = new PassCache();
    let claimed = 0;
    for (const subscription of await this.deps.subscriptions.active()) {
      try {
        if (await this.claimIfDue(subscription, now, cache)) claimed++;
      } catch (error) {
        this.deps.logger.error(`Could not prepare the digest for subscription ${subscription.id}`, error);
      }
    }
    return claimed;
  }

  private async claimIfDue(subscription: SubscriptionRecord, now: Date, cache: PassCache): Promise<boolean> {
    const due = dueRuns(subscription.schedule, subscription.lastRunAt, now);
    if (!due) return false;
    if (await this.deps.claims.find(subscription.id, due.key)) {
      await this.deps.subscriptions.advanceLastRun(subscription.id, due.runAt);
      return false;
    }
    const window = dueWindow(due, subscription.coveredUntil);
    const prepared = await this.deps.builder.prepare(
      subscription,
      window,
      `digest:${subscription.id}:${due.key}`,
      cache,
    );
    const claimId = await this.claim(subscription, window, due.runAt, prepared);
    if (claimId === null) await this.deps.subscriptions.advanceLastRun(subscription.id, due.runAt);
    else
      this.deps.logger.info(
        `Claimed digest ${due.key} for subscription ${subscription.id}: ${prepared.drafts.length} message(s)`,
      );
    return claimId !== null;
  }

  private claim(subscription: SubscriptionRecord, window: DigestWindow, runAt: Date, prepared: PreparedDigest) {
    return this.deps.claims.claim({
      subscriptionId: subscription.id,
      periodKey: window.period.key,
      periodStart: window.from,
      periodEnd: window.to,
      runAt,
      claimedBy: this.instanceId,
      now: this.deps.clock.now(),
      documents: prepared.documents.length + prepared.threadUpdates.length,
      drafts: prepared.drafts,
    });
  }
}
