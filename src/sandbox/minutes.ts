import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fromRoot } from "../paths";
import { escapeHtml } from "./render/html";

/**
 * A sample minutes feed and the documents it links to, served by the sandbox itself so that
 * `/digest source add <feed>` has something realistic to read without reaching the internet.
 */
export const SAMPLE_MINUTES_DIR = fromRoot("src/sandbox/fixtures/minutes");
export const MINUTES_PREFIX = "/sandbox/minutes/";
export const FEED_PATH = `${MINUTES_PREFIX}feed.atom`;

export interface ServedFile {
  contentType: string;
  body: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".atom": "application/atom+xml; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export class SampleMinutes {
  private readonly files = new Map<string, ServedFile>();

  constructor(dir = SAMPLE_MINUTES_DIR) {
    for (const name of readdirSync(dir)) {
      const contentType = CONTENT_TYPES[path.extname(name)];
      if (contentType) this.files.set(name, { contentType, body: readFileSync(path.join(dir, name), "utf8") });
    }
  }

  /** The file at `pathname` (under /sandbox/minutes/), with links pointing back at `baseUrl`. */
  serve(pathname: string, baseUrl: string): ServedFile | undefined {
    const name = pathname.slice(MINUTES_PREFIX.length);
    if (name === "") return { contentType: CONTENT_TYPES[".html"] ?? "text/html", body: this.index() };
    const file = this.files.get(name);
    return file && { ...file, body: file.body.replaceAll("{{baseUrl}}", escapeHtml(baseUrl)) };
  }

  private index(): string {
    const items = [...this.files.keys()]
      .map((name) => `<li><a href="${escapeHtml(name)}">${escapeHtml(name)}</a></li>`)
      .join("");
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sample minutes</title></head><body><h1>Sample minutes (sandbox examples, invented)</h1><ul>${items}</ul></body></html>`;
  }
}
