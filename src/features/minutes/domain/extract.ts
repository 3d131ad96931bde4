import { MinutesParseError } from "./errors";
import { htmlToMainText } from "./html";
import {
  DEFAULT_DOCUMENT_LIMITS,
  DocumentLimitError,
  type DocumentLimits,
  inflatesTooFar,
  textCutNote,
  tooManyPages,
} from "./limits";
import { joinWrappedLines } from "./lines";
import { inflatesWithin } from "./pdf-streams";

export interface FetchedDocument {
  /** The Content-Type header as received, e.g. "text/html; charset=utf-8". */
  contentType: string;
  body: Uint8Array;
  url: string;
}

export interface ExtractedText {
  text: string;
  title?: string;
  /** Limits that left part of the document unread, in words ("only the first ... characters ..."). */
  notes?: string[];
}

export type DocumentKind = "html" | "pdf" | "text";

/** Turns a fetched HTML page, PDF or plain-text file into plain text (HTML: main content only). */
export async function extractText(
  document: FetchedDocument,
  limits: DocumentLimits = DEFAULT_DOCUMENT_LIMITS,
): Promise<ExtractedText> {
  const kind = documentKind(document);
  const extracted = await extractByKind(kind, document, limits);
  if (!extracted.text.trim()) {
    const hint = kind === "pdf" ? " (a scanned PDF with no text layer?)" : "";
    throw new MinutesParseError(`No readable text was found in ${document.url}${hint}.`);
  }
  if (extracted.text.length <= limits.maxTextChars) return extracted;
  return {
    ...extracted,
    text: cutAtLine(extracted.text, limits.maxTextChars),
    notes: [...(extracted.notes ?? []), textCutNote(limits)],
  };
}

/** The text up to `max` characters, ending at the last line break before it when there is one. */
function cutAtLine(text: string, max: number): string {
  const head = text.slice(0, max);
  const lastBreak = head.lastIndexOf("\n");
  return lastBreak > max / 2 ? head.slice(0, lastBreak) : head;
}

async function extractByKind(
  kind: DocumentKind,
  document: FetchedDocument,
  limits: DocumentLimits,
): Promise<ExtractedText> {
  if (kind === "pdf") return pdfText(document, limits);
  const decoded = decode(document.body, charsetOf(document.contentType));
  if (kind === "html") return htmlToMainText(decoded, document.url);
  return { text: decoded.replace(/\r\n?/g, "\n").trim() };
}

/** Which reader a document needs; throws for a type that can't be read. */
export function documentKind({ contentType, body, url }: FetchedDocument): DocumentKind {
  const mime = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime === "text/html" || mime === "application/xhtml+xml") return "html";
  if (mime === "application/pdf" || mime === "application/x-pdf") return "pdf";
  if (mime === "text/plain") return "text";
  if (mime === "application/octet-stream" || mime === "binary/octet-stream" || mime === "") {
    if (startsWithPdfMagic(body) || /\.pdf(\?|#|$)/i.test(url)) return "pdf";
  }
  const shown = mime || "no content type";
  throw new MinutesParseError(
    `Unsupported document type "${shown}" at ${url}: only HTML pages, PDFs and plain text can be read.`,
  );
}

/**
 * A PDF's text, page by page, within the limits: its streams must inflate within the decompressed-size
 * limit (checked before pdf.js unpacks anything), it must not have more pages than the page limit,
 * and pages past the text limit are left unread.
 */
async function pdfText(document: FetchedDocument, limits: DocumentLimits): Promise<ExtractedText> {
  if (!inflatesWithin(document.body, limits.maxInflatedBytes)) throw inflatesTooFar(document.url, limits);
  try {
    const { getDocumentProxy } = await import("unpdf");
    // unpdf may transfer (detach) the buffer it is given, so hand it a copy.
    const pdf = await getDocumentProxy(new Uint8Array(document.body));
    try {
      if (pdf.numPages > limits.maxPages) throw tooManyPages(document.url, pdf.numPages, limits);
      const pages: string[] = [];
      let length = 0;
      for (let number = 1; number <= pdf.numPages && length <= limits.maxTextChars; number++) {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
        page.cleanup();
        pages.push(text);
        length += text.length;
      }
      return { text: joinWrappedLines(withoutPageFurniture(pages).join("\n")) };
    } finally {
      await pdf.destroy();
    }
  } catch (error) {
    if (error instanceof DocumentLimitError) throw error;
    throw new MinutesParseError(`The PDF at ${document.url} could not be read: it may be damaged.`, {
      cause: error,
    });
  }
}

/** How far from the top or bottom of a page a running header or footer may sit. */
const FURNITURE_LINES = 3;

/**
 * Page text without running headers and footers: a line near the top or bottom of its page that
 * recurs on other pages (page numbers aside, "Page 2 of 4" ~ "Page 3 of 4") is dropped. Extractors
 * disagree on where they put headers and footers, so both ends of each page are checked.
 */
export function withoutPageFurniture(pages: string[]): string[] {
  const split = pages.map((page) => page.split("\n"));
  const key = (line: string) => line.trim().replace(/\d+/g, "#").replace(/\s+/g, " ");
  const edges = (lines: string[]) => {
    const kept = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.trim());
    return [...kept.slice(0, FURNITURE_LINES), ...kept.slice(-FURNITURE_LINES)];
  };
  const pagesWithKey = new Map<string, number>();
  for (const lines of split) {
    for (const found of new Set(edges(lines).map(({ line }) => key(line)))) {
      pagesWithKey.set(found, (pagesWithKey.get(found) ?? 0) + 1);
    }
  }
  const recurring = (line: string) => split.length >= 2 && (pagesWithKey.get(key(line)) ?? 0) >= 2;
  return split.map((lines) => {
    const drop = new Set(
      edges(lines)
        .filter(({ line }) => recurring(line))
        .map(({ index }) => index),
    );
    return lines.filter((_, index) => !drop.has(index)).join("\n");
  });
}

function startsWithPdfMagic(body: Uint8Array): boolean {
  return new TextDecoder("latin1").decode(body.subarray(0, 5)) === "%PDF-";
}

function charsetOf(contentType: string): string {
  return /charset="?([\w-]+)"?/i.exec(contentType)?.[1]?.toLowerCase() ?? "utf-8";
}

function decode(body: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
