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
    const { text } = await extractPdfText(new Uint8Array(document.body), { mergePages: true });
    return joinWrappedLines(text);
  } catch (error) {
    throw new MinutesParseError(`The PDF at ${document.url} could not be read: it may be damaged.`, {
      cause: error,
    });
  }
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
