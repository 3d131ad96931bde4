import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshSqliteUrl } from "../../../support/databases";
import { deflateBombPdf, emptyPagesPdf, manyItemsHtml } from "../ingest/hostile";

const root = path.resolve(import.meta.dirname, "../../../..");

/** `localism` as its own process, from the build in dist/ (`npm test` builds first). */
function localism(args: string[], databaseUrl: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, "bin/localism.mjs"), ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl, KNOWLEDGE_DIR: path.join(root, "knowledge") },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, out: stdout, err: stderr });
      },
    );
  });
}

describe("localism ingest of documents built to exhaust the reader (the built command, as a child process)", () => {
  let dir: string;
  let databaseUrl: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "localism-hostile-"));
    databaseUrl = freshSqliteUrl();
    writeFileSync(path.join(dir, "pages.pdf"), emptyPagesPdf(100_000));
    writeFileSync(path.join(dir, "bomb.pdf"), deflateBombPdf(300));
    writeFileSync(path.join(dir, "many-items.html"), manyItemsHtml(1_800, 5_000));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a PDF of 100,000 pages and one that inflates to 300 MB, naming the limit, and exits with status 1", async () => {
    const pages = await localism(["ingest", path.join(dir, "pages.pdf")], databaseUrl);
    expect(pages).toMatchObject({ code: 1, out: "" });
    expect(pages.err).toContain(
      "has 100,000 pages, more than the 1,000-page limit for one document, so it was not read.",
    );
    const bomb = await localism(["ingest", path.join(dir, "bomb.pdf")], databaseUrl);
    expect(bomb.code).toBe(1);
    expect(bomb.err).toContain("unpacks to more than 64 MB (the limit on a document's decompressed size)");
    expect(JSON.parse((await localism(["minutes", "--json"], databaseUrl)).out)).toEqual([]);
  });

  it("stores 500 of a page's items and says so, and what it says is what was stored", async () => {
    const ingested = await localism(["ingest", path.join(dir, "many-items.html")], databaseUrl);
    expect(ingested.code).toBe(0);
    expect(ingested.out).toMatch(/^Stored ".{1,300}" \(meeting 2013-01-10\), 500 of [\d,]+ items kept, version 1\./);
    expect(ingested.out).toContain("Limits applied: title cut to 300 characters.");
    const [stored] = JSON.parse((await localism(["minutes", "--json"], databaseUrl)).out);
    expect(stored.items).toHaveLength(500);
    expect(stored.title.length).toBeLessThanOrEqual(300);
  });
});
