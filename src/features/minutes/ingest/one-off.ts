import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { publisherOf } from "../domain/sources";
import type { DocumentIngester, IngestedDocument } from "./document-ingester";
import { FetchError } from "./fetch-error";
import type { Fetcher } from "./http-fetcher";

const TYPES_BY_EXTENSION: Record<string, string> = {
  ".pdf": "application/pdf",
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "application/xhtml+xml",
  ".txt": "text/plain",
  ".text": "text/plain",
  ".md": "text/plain",
};

/** `localism ingest <url-or-file>`: one document, not watched afterwards. */
export async function ingestOneOff(
  target: string,
  deps: { fetcher: Fetcher; ingester: DocumentIngester },
): Promise<IngestedDocument> {
  if (/^https?:\/\//i.test(target)) return ingestUrl(target, deps);
  return ingestFile(target, deps.ingester);
}

async function ingestUrl(
  url: string,
  deps: { fetcher: Fetcher; ingester: DocumentIngester },
): Promise<IngestedDocument> {
  const fetched = await deps.fetcher.fetch(url);
  if (fetched.status === "not-modified") throw new FetchError(`${url} answered "not modified" to a plain request.`);
  return deps.ingester.ingest(fetched, { link: url, publisher: publisherOf(url), sourceId: null });
}

async function ingestFile(file: string, ingester: DocumentIngester): Promise<IngestedDocument> {
  const absolute = path.resolve(file);
  const contentType = TYPES_BY_EXTENSION[path.extname(absolute).toLowerCase()];
  if (!contentType) {
    throw new FetchError(
      `Can't tell what kind of document ${file} is: use a .pdf, .html or .txt file, or a web address.`,
      false,
    );
  }
  let body: Buffer;
  try {
    body = await readFile(absolute);
  } catch (error) {
    throw new FetchError(
      `Could not read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`,
      false,
    );
  }
  return ingester.ingest(
    { contentType, body: new Uint8Array(body) },
    { link: pathToFileURL(absolute).toString(), publisher: "Local file", sourceId: null },
  );
}
