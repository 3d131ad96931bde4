import {
  type ComposeOptions,
  composeDigest,
  type Digest,
  type DigestDocument,
  type DigestItem,
  documentMatches,
  isAllItems,
  itemMatches,
  repeatedSentences,
} from "../domain/compose";
import { type DigestWindow, windowPeriod } from "../domain/runs";
import type { ClaimRepository, OutboxDraft } from "../storage/claims";
import type { MinutesReader, StoredMinutes } from "../storage/reader";
import type { SubscriptionRecord } from "../storage/subscriptions";
import type { ConcernCountsProvider, DigestPart, DigestRenderer } from "./ports";

export type { DigestWindow };

/** Other documents of a source read to tell its boilerplate (sentences every document repeats). */
const SOURCE_CONTEXT_DOCUMENTS = 5;

/**
 * Shared by the subscriptions handled in one scheduler pass: channels on the same schedule read
 * the same window once, and get the same rendered digest when the same documents are new to them.
 */
export class PassCache {
  readonly stored = new Map<string, StoredMinutes[]>();
  readonly repeated = new Map<string, Set<string>>();
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
 * Documents that are not minutes never count; nor, for this channel, those of sources it muted or
 * with nothing on the objectives (or the autonomy) it narrowed its digest to.
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

  /** What the channel's next digest would hold from the minutes stored in [from, to): for `/digest status`. */
  async candidates(
    subscription: SubscriptionRecord,
    window: Pick<DigestWindow, "from" | "to">,
  ): Promise<StoredMinutes[]> {
    const { stored, options } = await this.forChannel(subscription, window);
    return stored.filter((minutes) => documentMatches(toDigestDocument(minutes), options));
  }

  async prepare(
    subscription: SubscriptionRecord,
    window: DigestWindow,
    keyPrefix: string,
    cache?: PassCache,
  ): Promise<PreparedDigest> {
    const { stored, options } = await this.forChannel(subscription, window, cache);
    const earlier = await this.deps.claims.earlierEntries(
      subscription.id,
      stored.map((minutes) => minutes.documentId),
    );
    const wanted = stored.filter((minutes) => documentMatches(toDigestDocument(minutes), options));
    const fresh = wanted.filter((minutes) => !earlier.has(minutes.documentId));
    const threadUpdates = wanted.flatMap((minutes) => {
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
      ...options,
      ...(concernCounts ? { concernCounts } : {}),
    });
    const updates: { update: PreparedDigest["threadUpdates"][number]; draft: OutboxDraft }[] = [];
    for (const update of threadUpdates) {
      const draft = await this.updateDraft(subscription, update, keyPrefix, window, options);
      if (draft) updates.push({ update, draft });
    }
    const drafts: OutboxDraft[] = [];
    if (fresh.length > 0 || (updates.length === 0 && subscription.quietNotes)) {
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
    drafts.push(...updates.map(({ draft }) => draft));
    return { digest, documents: fresh, threadUpdates: updates.map(({ update }) => update), drafts };
  }

  /** The minutes in the window this channel may see (minutes, not from a muted source), and how to compose them. */
  private async forChannel(
    subscription: SubscriptionRecord,
    window: Pick<DigestWindow, "from" | "to">,
    cache?: PassCache,
  ): Promise<{ stored: StoredMinutes[]; options: ComposeOptions }> {
    const all = (await this.storedIn(window, cache)).filter((minutes) => minutes.minutes);
    const muted = new Set(subscription.mutedSources);
    const stored = all.filter((minutes) => minutes.sourceId === null || !muted.has(minutes.sourceId));
    const repeated = await this.repeatedIn(window, all, cache);
    return { stored, options: { filter: subscription.filter, repeated } };
  }

  /** Sentences repeated in every recent document of each source with minutes in the window. */
  private async repeatedIn(
    window: Pick<DigestWindow, "from" | "to">,
    stored: StoredMinutes[],
    cache?: PassCache,
  ): Promise<Set<string>> {
    const key = `${window.from.getTime()}-${window.to.getTime()}`;
    const cached = cache?.repeated.get(key);
    if (cached) return cached;
    const sourceIds = [...new Set(stored.flatMap((minutes) => (minutes.sourceId === null ? [] : [minutes.sourceId])))];
    const context = await this.deps.reader.recentOfSources(sourceIds, SOURCE_CONTEXT_DOCUMENTS);
    const bySource = new Map<number, Map<number, DigestItem[]>>();
    for (const minutes of [...stored, ...context]) {
      if (minutes.sourceId === null) continue;
      const documents = bySource.get(minutes.sourceId) ?? new Map<number, DigestItem[]>();
      if (!documents.has(minutes.documentId)) documents.set(minutes.documentId, minutes.items);
      bySource.set(minutes.sourceId, documents);
    }
    const repeated = repeatedSentences([...bySource.values()].map((documents) => [...documents.values()]));
    cache?.repeated.set(key, repeated);
    return repeated;
  }

  private async updateDraft(
    subscription: SubscriptionRecord,
    update: PreparedDigest["threadUpdates"][number],
    keyPrefix: string,
    window: DigestWindow,
    options: ComposeOptions,
  ): Promise<OutboxDraft | null> {
    const composed = composeDigest({
      period: windowPeriod(window, subscription.schedule.timeZone),
      documents: [toDigestDocument(update.minutes)],
      ...options,
    });
    const document = composed.documents[0];
    const shown = await this.deps.reader.version(update.shownVersionId);
    const changes = changedItems(update.minutes, shown).filter((item) => itemMatches(item, options.filter));
    // A channel that narrowed its digest hears only of changes to what it asked for.
    if (!isAllItems(options.filter) && changes.length === 0) return null;
    const message = document
      ? this.deps.renderer.updatedReply(
          { ...document, updated: true },
          changes.map((item) => item.text),
        )
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
      JSON.stringify(subscription.filter),
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

  private async storedIn(window: Pick<DigestWindow, "from" | "to">, cache?: PassCache): Promise<StoredMinutes[]> {
    const key = `${window.from.getTime()}-${window.to.getTime()}`;
    const cached = cache?.stored.get(key);
    if (cached) return cached;
    const stored = await this.deps.reader.storedBetween(window.from, window.to);
    cache?.stored.set(key, stored);
    return stored;
  }
}

/** Items of the new version whose words were not in the version shown before. */
function changedItems(current: StoredMinutes, shown: StoredMinutes | null): StoredMinutes["items"] {
  const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();
  const before = new Set((shown?.items ?? []).map((item) => normalise(item.text)));
  return current.items.filter((item) => !before.has(normalise(item.text)));
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
