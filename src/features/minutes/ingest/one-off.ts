import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { looksLikeFeed } from "../domain/feeds";
import { FetchError } from "./fetch-error";
import type { Fetcher } from "./http-fetcher";
import type { ReadReport, SourceReader } from "./source-reader";

const TYPES_BY_EXTENSION: Record<string, string> = {
  ".pdf": "application/pdf",
  ".html": "text/html",
  ".htm": "text/html",
  ".xhtml": "application/xhtml+xml",
  ".txt": "text/plain",
  ".text": "text/plain",
  ".md": "text/plain",
  ".xml": "application/xml",
  ".atom": "application/atom+xml",
  ".rss": "application/rss+xml",
};

/** What `localism ingest` read: a document, or a feed and each of its entries. */
export type OneOffReport = ReadReport & { target: string };

/**
 * `localism ingest <url-or-file>`: one document or feed, read now and not watched afterwards. A feed
 * (a URL or a saved `.xml`, `.atom` or `.rss` file) has each minutes entry fetched and stored, as a
 * watched feed does.
 */
export async function ingestOneOff(
  target: string,
  deps: { fetcher: Fetcher; reader: SourceReader },
): Promise<OneOffReport> {
  if (/^https?:\/\//i.test(target)) return { target, ...(await ingestUrl(target, deps)) };
  return { target, ...(await ingestFile(target, deps.reader)) };
}

async function ingestUrl(url: string, deps: { fetcher: Fetcher; reader: SourceReader }): Promise<ReadReport> {
  const fetched = await deps.fetcher.fetch(url);
  if (fetched.status === "not-modified") throw new FetchError(`${url} answered "not modified" to a plain request.`);
  return deps.reader.read(fetched, { link: url, sourceId: null });
}

async function ingestFile(file: string, reader: SourceReader): Promise<ReadReport> {
  const absolute = path.resolve(file);
  const byExtension = TYPES_BY_EXTENSION[path.extname(absolute).toLowerCase()];
  let body: Uint8Array;
  try {
    body = new Uint8Array(await readFile(absolute));
  } catch (error) {
    if (!byExtension) throw unknownKind(file);
    throw new FetchError(
      `Could not read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`,
      false,
    );
  }
  // A feed saved under another name is still a feed.
  const contentType = looksLikeFeed(byExtension ?? "", body) ? (byExtension ?? "application/xml") : byExtension;
  if (!contentType) throw unknownKind(file);
  const url = pathToFileURL(absolute).toString();
  return reader.read({ contentType, body, url }, { link: url, publisher: "Local file", sourceId: null });
}

function unknownKind(file: string): FetchError {
  return new FetchError(
    `Can't tell what kind of document ${file} is: use a .pdf, .html or .txt file, a feed (.xml, .atom or .rss), or a web address.`,
    false,
  );
}
