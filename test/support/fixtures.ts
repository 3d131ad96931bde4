import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** ../shared beside the repository: read-only input that CI has too. */
const sharedRoot = new URL("../../../shared/", import.meta.url);
const ownRoot = new URL("../fixtures/minutes/", import.meta.url);

/** The path of a shared file, e.g. "fixtures/slack/payloads/http/url_verification.json". */
export function sharedPath(relativePath: string): string {
  return fileURLToPath(new URL(relativePath, sharedRoot));
}

/** A read-only shared fixture, read in place (never copied into the repo). */
export function sharedFile(relativePath: string): string {
  return readFileSync(sharedPath(relativePath), "utf8");
}

/** One of our own test documents under test/fixtures/minutes/. */
export function ownFile(name: string): Buffer {
  return readFileSync(fileURLToPath(new URL(name, ownRoot)));
}

/**
 * The shared minutes/source files start with a "KEY: value" header and a "---" line before the
 * document text. Returns the header fields and the document text as a fetcher would have it.
 */
export function splitHeader(raw: string): { meta: Record<string, string>; body: string } {
  const separator = raw.indexOf("\n---\n");
  const header = raw.slice(0, separator);
  const meta: Record<string, string> = {};
  for (const line of header.split("\n")) {
    const match = /^([A-Z][A-Z -]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) meta[match[1]] = match[2];
  }
  return { meta, body: raw.slice(separator + 5) };
}
