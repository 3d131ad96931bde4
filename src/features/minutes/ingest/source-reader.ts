import { MinutesParseError } from "../domain/errors";
import { dedupeKey, documentEntries, type FeedEntry, looksLikeFeed, parseFeedWithTitle } from "../domain/feeds";
import { DocumentLimitError } from "../domain/limits";
import { isMinutesEntry, publisherOf } from "../domain/sources";
import type { DocumentRepository } from "../storage/documents";
import { minutesAttachment, publicationAttachments } from "./attachments";
import type { DocumentContext, DocumentIngester, FetchedBody, IngestedDocument } from "./document-ingester";
import { FetchError } from "./fetch-error";
import type { Fetcher } from "./http-fetcher";

/** A body fetched from the web or read from a file, with the address it came from (after redirects). */
export interface ReadableBody extends FetchedBody {
  url: string;
}

export interface ReadContext {
  /** The address as given (a source's URL, the URL or file typed into `localism ingest`). */
  link: string;
  sourceId: number | null;
  /** Who published it, when the address does not say (a local file). */
  publisher?: string;
}

/** What happened to one feed entry. */
export type EntryOutcome =
  | "stored"
  | "updated"
  | "unchanged"
  /** Seen before and the feed's date for it has not moved, so not fetched again. */
  | "known"
  /** Its title and summary don't read as minutes (a press release in an organisation feed). */
  | "skipped"
  | "failed";

export interface EntryReport {
  link: string;
  title: string;
  outcome: EntryOutcome;
  document: IngestedDocument | null;
  reason: string | null;
  /** Failed because a limit on reading refused it. */
  refusedByLimit?: boolean;
}

export interface ReadReport {
  kind: "feed" | "document";
  /** The feed's title, or the document's. */
  title: string | null;
  /** Every document read (stored, updated or unchanged). */
  documents: IngestedDocument[];
  /** A feed's entries, each with what happened to it; empty for a document. */
  entries: EntryReport[];
  /** What could not be read (the feed ended, entries that failed). */
  errors: string[];
  /** Why an entry was refused by a limit on reading (the source is then paused); null when none was. */
  refusedByLimit: string | null;
}

/**
 * Reads what an address holds, the same way for watched sources and for `localism ingest`: a feed's
 * minutes entries (each fetched and stored), or one document. A publication page that attaches its
 * minutes (GOV.UK's) is followed to the attachment, fetched with the same guards.
 */
export class SourceReader {
  constructor(private readonly deps: { documents: DocumentRepository; ingester: DocumentIngester; fetcher: Fetcher }) {}

  /** A feed's entries are read one by one (one failing doesn't stop the others); a document that can't be read throws. */
  async read(body: ReadableBody, context: ReadContext): Promise<ReadReport> {
    if (looksLikeFeed(body.contentType, body.body)) return this.readFeed(body, context);
    const document = await this.readDocument(body, {
      link: context.link,
      publisher: context.publisher ?? publisherOf(context.link),
      sourceId: context.sourceId,
    });
    return {
      kind: "document",
      title: document.title,
      documents: [document],
      entries: [],
      errors: [],
      refusedByLimit: null,
    };
  }

  private async readFeed(body: ReadableBody, context: ReadContext): Promise<ReadReport> {
    const feed = parseFeedWithTitle(new TextDecoder().decode(body.body), body.url);
    const report: ReadReport = {
      kind: "feed",
      title: feed.title ?? null,
      documents: [],
      entries: [],
      errors: [],
      refusedByLimit: null,
    };
    if (feed.entries.some((entry) => entry.feedEnded)) {
      report.errors.push("The publisher says this feed has ended: remove it and add the feed that replaces it.");
    }
    for (const entry of documentEntries(feed.entries)) {
      const outcome = await this.readEntry(entry, context, feed.title);
      report.entries.push(outcome);
      if (outcome.document) report.documents.push(outcome.document);
      if (outcome.outcome === "failed") report.errors.push(`${entry.link}: ${outcome.reason}`);
      if (outcome.refusedByLimit) report.refusedByLimit ??= outcome.reason;
    }
    return report;
  }

  /** A known entry is fetched again only when the feed says it was updated since it was read. */
  private async readEntry(entry: FeedEntry, context: ReadContext, feedTitle?: string): Promise<EntryReport> {
    const report = (outcome: EntryOutcome, document: IngestedDocument | null = null, reason: string | null = null) => ({
      link: entry.link,
      title: entry.title,
      outcome,
      document,
      reason,
    });
    if (!isMinutesEntry(entry)) return report("skipped", null, "its title and summary don't read as minutes");
    try {
      const known = await this.deps.documents.findByKey(dedupeKey(entry.link));
      const seenBefore =
        known?.latest &&
        (!entry.updated || (known.feedUpdatedAt && entry.updated.getTime() <= known.feedUpdatedAt.getTime()));
      if (known && seenBefore) return report("known");
      const fetched = await this.deps.fetcher.fetch(entry.link, known ?? {});
      if (fetched.status === "not-modified") {
        if (known) await this.deps.documents.touch(known.id, { feedUpdatedAt: entry.updated ?? null });
        return report("known");
      }
      const document = await this.readDocument(fetched, {
        link: entry.link,
        publisher: publisherOf(entry.link, feedTitle),
        sourceId: context.sourceId,
        title: entry.title,
        ...(entry.updated ? { feedUpdated: entry.updated } : {}),
      });
      return report(OUTCOMES[document.outcome], document);
    } catch (error) {
      return {
        ...report("failed", null, reasonOf(error)),
        ...(error instanceof DocumentLimitError ? { refusedByLimit: true } : {}),
      };
    }
  }

  /** One document; a publication page that attaches its minutes is read from the attachment. */
  private async readDocument(body: ReadableBody, context: DocumentContext): Promise<IngestedDocument> {
    const attachment = await this.followAttachment(body);
    if (!attachment) return this.deps.ingester.ingest(body, context);
    const title = context.title ?? attachment.pageTitle;
    return this.deps.ingester.ingest(
      // The page's validators, so that an unchanged page costs a 304 next time.
      {
        contentType: attachment.body.contentType,
        body: attachment.body.body,
        etag: body.etag,
        lastModified: body.lastModified,
      },
      { ...context, ...(title ? { title } : {}), readFrom: attachment.body.url },
    );
  }

  private async followAttachment(body: ReadableBody): Promise<{ body: ReadableBody; pageTitle: string | null } | null> {
    if (!isHtml(body.contentType) || !/^https?:/i.test(body.url)) return null;
    // Parsing a page costs this thread; publication pages are tens of kilobytes, and a bigger page is read
    // as a document, in the worker.
    if (body.body.byteLength > MAX_PUBLICATION_PAGE_BYTES) return null;
    const page = publicationAttachments(new TextDecoder().decode(body.body), body.url);
    const choice = minutesAttachment(page);
    if (!choice) return null;
    const { attachment } = choice;
    if (choice.kind === "unreadable") {
      throw new MinutesParseError(
        `The minutes on ${body.url} are attached as ${attachment.formatName} ("${attachment.title || attachment.url}"), which can't be read: only PDF, HTML and plain-text attachments can.`,
      );
    }
    const fetched = await this.deps.fetcher.fetch(attachment.url);
    if (fetched.status === "not-modified")
      throw new FetchError(`${attachment.url} answered "not modified" to a plain request.`);
    return { body: fetched, pageTitle: page.title };
  }
}

/** The largest page looked at for a minutes attachment. */
const MAX_PUBLICATION_PAGE_BYTES = 1024 * 1024;

const OUTCOMES: Record<IngestedDocument["outcome"], EntryOutcome> = {
  new: "stored",
  updated: "updated",
  unchanged: "unchanged",
};

function isHtml(contentType: string): boolean {
  const mime = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return mime === "text/html" || mime === "application/xhtml+xml";
}

export function reasonOf(error: unknown): string {
  if (error instanceof FetchError || error instanceof MinutesParseError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}
