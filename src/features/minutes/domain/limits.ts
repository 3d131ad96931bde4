import { MinutesParseError } from "./errors";

/**
 * How much work one fetched document may cost, and how much of it is kept. The byte cap on fetching
 * says nothing about what the bytes unfold into: a small PDF can inflate to hundreds of megabytes, or
 * declare a hundred thousand pages.
 */
export interface DocumentLimits {
  /** A PDF with more pages is refused. */
  maxPages: number;
  /** A PDF whose streams inflate to more than this many bytes in all is refused. */
  maxInflatedBytes: number;
  /** Text extracted beyond this many characters is left unread. */
  maxTextChars: number;
  /** Reading one document (extracting, parsing, tagging) is stopped after this long. */
  timeoutMs: number;
  /** The memory the reader of one document may use (its JavaScript heap). */
  memoryMb: number;
}

/** What is stored of one document. */
export interface StoredLimits {
  titleChars: number;
  itemsPerDocument: number;
  charsPerItem: number;
  /** All items' text together. */
  charsPerDocument: number;
  /** Attendees, and apologies, each. */
  namesPerDocument: number;
  charsPerName: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxPages: 1_000,
  maxInflatedBytes: 64 * 1024 * 1024,
  maxTextChars: 1_000_000,
  timeoutMs: 60_000,
  memoryMb: 512,
};

export const STORED_LIMITS: StoredLimits = {
  titleChars: 300,
  itemsPerDocument: 500,
  charsPerItem: 4_000,
  charsPerDocument: 400_000,
  namesPerDocument: 200,
  charsPerName: 200,
};

export type LimitName = "pages" | "inflated-size" | "time" | "memory";

/**
 * A document refused because reading it would cost more than a limit allows. The source it came
 * from is paused rather than retried: the same document would be refused again.
 */
export class DocumentLimitError extends MinutesParseError {
  constructor(
    readonly limit: LimitName,
    reason: string,
  ) {
    super(reason);
  }
}

const count = (n: number) => n.toLocaleString("en-GB");
const megabytes = (bytes: number) => `${count(Math.round(bytes / (1024 * 1024)))} MB`;

export function tooManyPages(url: string, pages: number, limits: DocumentLimits): DocumentLimitError {
  return new DocumentLimitError(
    "pages",
    `The PDF at ${url} has ${count(pages)} pages, more than the ${count(limits.maxPages)}-page limit for one document, so it was not read.`,
  );
}

export function inflatesTooFar(url: string, limits: DocumentLimits): DocumentLimitError {
  return new DocumentLimitError(
    "inflated-size",
    `The PDF at ${url} unpacks to more than ${megabytes(limits.maxInflatedBytes)} (the limit on a document's decompressed size), so it was not read.`,
  );
}

export function tookTooLong(url: string, limits: DocumentLimits): DocumentLimitError {
  return new DocumentLimitError(
    "time",
    `Reading ${url} took longer than the ${count(limits.timeoutMs / 1000)}-second limit for one document, so it was stopped.`,
  );
}

export function usedTooMuchMemory(url: string, limits: DocumentLimits): DocumentLimitError {
  return new DocumentLimitError(
    "memory",
    `Reading ${url} needed more than the ${count(limits.memoryMb)} MB memory limit for one document, so it was stopped.`,
  );
}

export function textCutNote(limits: DocumentLimits): string {
  return `only the first ${count(limits.maxTextChars)} characters of text were read`;
}
