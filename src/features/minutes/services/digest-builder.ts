import { composeDigest, type Digest, type DigestDocument } from "../domain/compose";
import { type DigestWindow, windowPeriod } from "../domain/runs";
import type { ClaimRepository, OutboxDraft } from "../storage/claims";
import type { MinutesReader, StoredMinutes } from "../storage/reader";
import type { SubscriptionRecord } from "../storage/subscriptions";
import type { ConcernCountsProvider, DigestPart, DigestRenderer } from "./ports";

export type { DigestWindow };

/**
 * Shared by the subscriptions handled in one scheduler pass: channels on the same schedule read
 * the same window once, and get the same rendered digest when the same documents are new to them.
 */
export class PassCache {
  readonly stored = new Map<string, StoredMinutes[]>();
  readonly rendered = new Map<string, DigestPart[]>();
}

export interface PreparedDigest {
  digest: Digest;
  /** New or updated documents in the digest itself. */
  documents: StoredMinutes[];
  /** Documents shown in an earlier digest and changed since: each gets a reply under that digest. */
  threadUpdates: { minutes: StoredMinutes; parentOutboxId: number; shownVersionId: number }[];
  /** Messages to post, in order; empty when the period is quiet and quiet notes are off. */
  drafts: OutboxDraft[];
}

/**
 * Works out one channel's digest: the minutes stored in the window, split into those new to the
 * channel (in the digest) and those it has seen before and that changed (threaded "updated" replies).
 */
export class DigestBuilder {
  constructor(
    private readonly deps: {
      reader: MinutesReader;
      claims: ClaimRepository;
      renderer: DigestRenderer;
      concernCounts?: ConcernCountsProvider;
    },
  ) {}

  async prepare(
    subscription: SubscriptionRecord,
    window: DigestWindow,
    keyPrefix: string,
    cache?: PassCache,
  ): Promise<PreparedDigest> {
    const stored = (await this.storedIn(window, cache)).filter((minutes) => minutes.minutes);
    const earlier = await this.deps.claims.earlierEntries(
      subscription.id,
      stored.map((minutes) => minutes.documentId),
    );
    const fresh = stored.filter((minutes) => !earlier.has(minutes.documentId));
    const threadUpdates = stored.flatMap((minutes) => {
      const entry = earlier.get(minutes.documentId);
      return entry ? [{ minutes, parentOutboxId: entry.outboxId, shownVersionId: entry.versionId }] : [];
    });
    const concernCounts = await this.deps.concernCounts?.({
      workspaceId: subscription.workspaceId,
      start: window.from,
      end: window.to,
    });
    const digest = composeDigest({
      period: windowPeriod(window, subscription.schedule.timeZone),
      documents: fresh.map(toDigestDocument),
      ...(concernCounts ? { concernCounts } : {}),
    });
    const drafts: OutboxDraft[] = [];
    if (fresh.length > 0 || (threadUpdates.length === 0 && subscription.quietNotes)) {
      const parts = this.render(digest, subscription, window, fresh, cache);
      for (const [index, part] of parts.entries()) {
        drafts.push({
          key: `${keyPrefix}:part-${index}`,
          channelId: subscription.channelId,
          ...part.message,
          ...(index > 0 ? { threadParentIndex: 0 } : {}),
          entries: part.documents.flatMap((position) => {
            const minutes = fresh[position];
            return minutes ? [{ documentId: minutes.documentId, versionId: minutes.versionId }] : [];
          }),
        });
      }
    }
    for (const update of threadUpdates) drafts.push(await this.updateDraft(subscription, update, keyPrefix, window));
    return { digest, documents: fresh, threadUpdates, drafts };
  }

  private async updateDraft(
    subscription: SubscriptionRecord,
    update: PreparedDigest["threadUpdates"][number],
    keyPrefix: string,
    window: DigestWindow,
  ): Promise<OutboxDraft> {
    const composed = composeDigest({
      period: windowPeriod(window, subscription.schedule.timeZone),
      documents: [toDigestDocument(update.minutes)],
    });
    const document = composed.documents[0];
    const shown = await this.deps.reader.version(update.shownVersionId);
    const message = document
      ? this.deps.renderer.updatedReply({ ...document, updated: true }, changedItems(update.minutes, shown))
      : { text: update.minutes.title, blocks: [] };
    return {
      key: `${keyPrefix}:update-${update.minutes.documentId}`,
      channelId: subscription.channelId,
      ...message,
      threadParentId: update.parentOutboxId,
      entries: [{ documentId: update.minutes.documentId, versionId: update.minutes.versionId }],
    };
  }

  private render(
    digest: Digest,
    subscription: SubscriptionRecord,
    window: DigestWindow,
    fresh: StoredMinutes[],
    cache?: PassCache,
  ): DigestPart[] {
    const workspace = this.deps.concernCounts ? subscription.workspaceId : "";
    const key = [
      workspace,
      subscription.schedule.timeZone,
      window.from.getTime(),
      window.to.getTime(),
      window.period.end.getTime(),
      window.missedRuns,
      ...fresh.map((minutes) => minutes.versionId),
    ].join("|");
    const cached = cache?.rendered.get(key);
    if (cached) return cached;
    const parts = this.deps.renderer.digest(digest, { missedRuns: window.missedRuns });
    cache?.rendered.set(key, parts);
    return parts;
  }

  private async storedIn(window: DigestWindow, cache?: PassCache): Promise<StoredMinutes[]> {
    const key = `${window.from.getTime()}-${window.to.getTime()}`;
    const cached = cache?.stored.get(key);
    if (cached) return cached;
    const stored = await this.deps.reader.storedBetween(window.from, window.to);
    cache?.stored.set(key, stored);
    return stored;
  }
}

/** Items of the new version whose words were not in the version shown before. */
function changedItems(current: StoredMinutes, shown: StoredMinutes | null): string[] {
  const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
  const before = new Set((shown?.items ?? []).map((item) => normalise(item.text)));
  return current.items.filter((item) => !before.has(normalise(item.text))).map((item) => item.text);
}

export function toDigestDocument(minutes: StoredMinutes): DigestDocument {
  return {
    title: minutes.title,
    url: minutes.url,
    meetingDate: minutes.meetingDate,
    updated: minutes.updated,
    items: minutes.items,
  };
}
