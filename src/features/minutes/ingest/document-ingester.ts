import type { Clock } from "../../../clock";
import { dedupeKey } from "../domain/feeds";
import type { MinutesBuilder } from "../domain/read";
import type { TaggingVocabulary } from "../domain/tagging";
import type { DocumentRepository, StoreOutcome } from "../storage/documents";
import { type DocumentReader, IsolatedDocumentReader } from "./document-reader";

export type { MinutesBuilder } from "../domain/read";

/** A document as fetched (over HTTP or from a local file). */
export interface FetchedBody {
  contentType: string;
  body: Uint8Array;
  etag?: string | null;
  lastModified?: string | null;
}

export interface DocumentContext {
  /** The document's address as published (a feed entry's link, the source URL, a file: URL). */
  link: string;
  publisher: string;
  sourceId: number | null;
  /** The feed entry's title (GOV.UK's, without its display-type prefix). */
  title?: string;
  /** The feed entry's date: the meeting date when the text gives none, and the change marker. */
  feedUpdated?: Date;
  /** Where the text was read from when that is not `link`: the attachment a publication page links to. */
  readFrom?: string;
}

export interface IngestedDocument {
  outcome: StoreOutcome;
  documentId: number;
  version: number;
  url: string;
  /** The attachment the text was read from, when the address was a publication page; null otherwise. */
  attachment: string | null;
  title: string;
  meetingDate: string | null;
  /** Items stored (at most the per-document cap). */
  items: number;
  /** Items found in the document, before the cap. */
  itemsFound: number;
  /** What else the limits left out of what was stored ("title cut to 300 characters"); empty when nothing. */
  limitNotes: string[];
  /** False when the document is not minutes (stored with the reason, never put in a digest). */
  minutes: boolean;
  notMinutesReason: string | null;
}

const UNTITLED = "Untitled minutes";

/** "governing-body-2012-12.pdf" from a link, so an untitled document can still be told apart. */
function lastPathSegment(link: string): string {
  try {
    const segments = new URL(link).pathname.split("/").filter(Boolean);
    return decodeURIComponent(segments.at(-1) ?? link);
  } catch {
    return link;
  }
}

/** Reads a fetched document (HTML, PDF, text), parses and tags it, and stores it: storing makes it searchable. */
export class DocumentIngester {
  private readonly reader: DocumentReader;

  constructor(
    private readonly deps: {
      documents: DocumentRepository;
      vocabulary: TaggingVocabulary;
      clock: Clock;
      /** How a document's text becomes MinutesJson; buildMinutesDocument unless replaced (tests). */
      build?: MinutesBuilder;
      /** Reads each document within the limits; an IsolatedDocumentReader with the default limits unless given. */
      reader?: DocumentReader;
    },
  ) {
    this.reader = deps.reader ?? new IsolatedDocumentReader(deps.build ? { build: deps.build } : {});
  }

  /** Stops the document reader's worker (the process would not wait for it anyway). */
  close(): Promise<void> {
    return this.reader.close();
  }

  async ingest(fetched: FetchedBody, context: DocumentContext): Promise<IngestedDocument> {
    const read = await this.reader.read({
      document: { contentType: fetched.contentType, body: fetched.body, url: context.readFrom ?? context.link },
      hints: {
        url: context.link,
        ...(context.title ? { title: context.title } : {}),
        ...(context.feedUpdated ? { feedDate: context.feedUpdated } : {}),
      },
      vocabulary: this.deps.vocabulary,
    });
    const { minutes } = read;
    if (minutes.title === UNTITLED) minutes.title = `${UNTITLED} (${lastPathSegment(context.link).slice(0, 200)})`;
    const now = this.deps.clock.now();
    const stored = await this.deps.documents.storeVersion(
      {
        key: dedupeKey(context.link),
        link: context.link,
        sourceId: context.sourceId,
        publisher: context.publisher,
        feedUpdatedAt: context.feedUpdated ?? null,
        etag: fetched.etag ?? null,
        lastModified: fetched.lastModified ?? null,
        contentHash: read.contentHash,
        minutes,
      },
      now,
    );
    return {
      outcome: stored.outcome,
      documentId: stored.documentId,
      version: stored.number,
      url: context.link,
      attachment: context.readFrom ?? null,
      title: minutes.title,
      meetingDate: minutes.meetingDate,
      items: minutes.items.length,
      itemsFound: read.itemsFound,
      limitNotes: read.notes,
      minutes: minutes.minutes,
      notMinutesReason: minutes.minutes ? null : (minutes.notMinutesReason ?? "not minutes"),
    };
  }
}
