import type { Clock } from "../../../clock";
import type { Logger } from "../../../logger";
import { MinutesParseError } from "../domain/errors";
import { dedupeKey, documentEntries, type FeedEntry, parseFeedWithTitle } from "../domain/feeds";
import { isMinutesEntry, publisherOf } from "../domain/sources";
import type { DocumentRepository } from "../storage/documents";
import type { SourceKind, SourceRecord, SourceRepository } from "../storage/sources";
import type { DocumentIngester, IngestedDocument } from "./document-ingester";
import { FetchError } from "./fetch-error";
import type { Fetcher, FetchResult } from "./http-fetcher";

export interface PollReport {
  sourceId: number;
  kind: SourceKind | null;
  notModified: boolean;
  documents: IngestedDocument[];
  /** Why the source, or some of its entries, could not be read. */
  errors: string[];
  /** False when the source itself was refused for good (a private address, not a web address). */
  retryable: boolean;
}

const FIRST_RETRY_MS = 5 * 60_000;
const MAX_RETRY_MS = 24 * 60 * 60_000;

/** After n failures in a row: 5 minutes, 10, 20, ... at most a day. */
export function retryDelayMs(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
}

/**
 * Fetches one source (feed or document) and ingests what changed. Never throws: a failure is
 * recorded on the source with its reason and retried with backoff, and one unreadable feed entry
 * does not stop the others.
 */
export class SourcePoller {
  constructor(
    private readonly deps: {
      sources: SourceRepository;
      documents: DocumentRepository;
      ingester: DocumentIngester;
      fetcher: Fetcher;
      clock: Clock;
      logger: Logger;
      pollIntervalMs: number;
    },
  ) {}

  async poll(source: SourceRecord): Promise<PollReport> {
    const report: PollReport = {
      sourceId: source.id,
      kind: source.kind,
      notModified: false,
      documents: [],
      errors: [],
      retryable: true,
    };
    try {
      const fetched = await this.deps.fetcher.fetch(source.url, source);
      if (fetched.status === "not-modified") {
        report.notModified = true;
        await this.recordSuccess(
          source,
          { kind: source.kind ?? "document", title: null, etag: null, lastModified: null, keepValidators: true },
          report,
        );
        return report;
      }
      const kind = isFeed(fetched) ? "feed" : "document";
      report.kind = kind;
      const title =
        kind === "feed"
          ? await this.readFeed(source, fetched, report)
          : await this.readDocument(source, fetched, report);
      // If an entry failed, forget the validators so the next poll reads the feed in full again.
      const validators =
        report.errors.length > 0
          ? { etag: null, lastModified: null }
          : { etag: fetched.etag, lastModified: fetched.lastModified };
      await this.recordSuccess(source, { kind, title, ...validators }, report);
    } catch (error) {
      report.errors.push(reasonOf(error));
      report.retryable = !(error instanceof FetchError) || error.retryable;
      const now = this.deps.clock.now();
      await this.deps.sources.recordFailure(source.id, {
        reason: reasonOf(error),
        at: now,
        nextFetchAt: new Date(now.getTime() + retryDelayMs(source.failures + 1)),
      });
      this.deps.logger.warn(`Minutes source ${source.id} could not be read: ${reasonOf(error)}`);
    }
    return report;
  }

  private async readFeed(
    source: SourceRecord,
    fetched: Extract<FetchResult, { status: "ok" }>,
    report: PollReport,
  ): Promise<string | null> {
    const feed = parseFeedWithTitle(new TextDecoder().decode(fetched.body), fetched.url);
    if (feed.entries.some((entry) => entry.feedEnded)) {
      report.errors.push("The publisher says this feed has ended: remove it and add the feed that replaces it.");
    }
    const entries = documentEntries(feed.entries).filter(isMinutesEntry);
    for (const entry of entries) {
      try {
        const document = await this.readEntry(source, entry, feed.title);
        if (document) report.documents.push(document);
      } catch (error) {
        report.errors.push(`${entry.link}: ${reasonOf(error)}`);
      }
    }
    return feed.title ?? null;
  }

  /** A known entry is fetched again only when the feed says it was updated since it was read. */
  private async readEntry(
    source: SourceRecord,
    entry: FeedEntry,
    feedTitle?: string,
  ): Promise<IngestedDocument | null> {
    const known = await this.deps.documents.findByKey(dedupeKey(entry.link));
    const seenBefore =
      known?.latest &&
      (!entry.updated || (known.feedUpdatedAt && entry.updated.getTime() <= known.feedUpdatedAt.getTime()));
    if (known && seenBefore) return null;
    const fetched = await this.deps.fetcher.fetch(entry.link, known ?? {});
    if (fetched.status === "not-modified") {
      if (known) await this.deps.documents.touch(known.id, { feedUpdatedAt: entry.updated ?? null });
      return null;
    }
    return this.deps.ingester.ingest(fetched, {
      link: entry.link,
      publisher: publisherOf(entry.link, feedTitle),
      sourceId: source.id,
      title: entry.title,
      ...(entry.updated ? { feedUpdated: entry.updated } : {}),
    });
  }

  private async readDocument(
    source: SourceRecord,
    fetched: Extract<FetchResult, { status: "ok" }>,
    report: PollReport,
  ): Promise<string> {
    const document = await this.deps.ingester.ingest(fetched, {
      link: source.url,
      publisher: publisherOf(source.url),
      sourceId: source.id,
    });
    report.documents.push(document);
    return document.title;
  }

  private async recordSuccess(
    source: SourceRecord,
    state: {
      kind: SourceKind;
      title: string | null;
      etag: string | null;
      lastModified: string | null;
      keepValidators?: boolean;
    },
    report: PollReport,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const partialError =
      report.errors.length > 0
        ? `${report.errors.length} document(s) could not be read: ${report.errors.join("; ")}`
        : undefined;
    const delay = partialError ? retryDelayMs(source.failures + 1) : this.deps.pollIntervalMs;
    await this.deps.sources.recordSuccess(source.id, {
      ...state,
      at: now,
      nextFetchAt: new Date(now.getTime() + delay),
      ...(partialError ? { partialError } : {}),
    });
  }
}

function isFeed(fetched: Extract<FetchResult, { status: "ok" }>): boolean {
  const mime = fetched.contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (/(atom|rss|rdf)\+xml$|^(application|text)\/xml$/.test(mime)) return true;
  if (mime && mime !== "application/octet-stream") return false;
  const start = new TextDecoder().decode(fetched.body.subarray(0, 512)).trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(feed|rss|rdf:RDF)\b/.test(start);
}

export function reasonOf(error: unknown): string {
  if (error instanceof FetchError || error instanceof MinutesParseError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
