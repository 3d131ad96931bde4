import { MinutesParseError } from "./errors";
import { htmlToMainText } from "./html";
import { joinWrappedLines } from "./lines";

export interface FetchedDocument {
  /** The Content-Type header as received, e.g. "text/html; charset=utf-8". */
  contentType: string;
  body: Uint8Array;
  url: string;
}

export interface ExtractedText {
  text: string;
  title?: string;
}

type DocumentKind = "html" | "pdf" | "text";

/** Turns a fetched HTML page, PDF or plain-text file into plain text (HTML: main content only). */
export async function extractText(document: FetchedDocument): Promise<ExtractedText> {
  const kind = documentKind(document);
  const extracted = await extractByKind(kind, document);
  if (!extracted.text.trim()) {
    const hint = kind === "pdf" ? " (a scanned PDF with no text layer?)" : "";
    throw new MinutesParseError(`No readable text was found in ${document.url}${hint}.`);
  }
  return extracted;
}

async function extractByKind(kind: DocumentKind, document: FetchedDocument): Promise<ExtractedText> {
  if (kind === "pdf") return { text: await pdfText(document) };
  const decoded = decode(document.body, charsetOf(document.contentType));
  if (kind === "html") return htmlToMainText(decoded, document.url);
  return { text: decoded.replace(/\r\n?/g, "\n").trim() };
}

function documentKind({ contentType, body, url }: FetchedDocument): DocumentKind {
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

async function pdfText(document: FetchedDocument): Promise<string> {
  try {
    // unpdf may transfer (detach) the buffer it is given, so hand it a copy.
    const { extractText: extractPdfText } = await import("unpdf");
    const { text } = await extractPdfText(new Uint8Array(document.body), { mergePages: false });
    return joinWrappedLines(withoutPageFurniture(text).join("\n"));
  } catch (error) {
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
