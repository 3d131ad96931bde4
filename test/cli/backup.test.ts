import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import type { Output } from "../../src/cli/output";
import { freshSqliteUrl } from "../support/databases";

const root = path.resolve(import.meta.dirname, "../..");

async function cli(args: string[], databaseUrl: string) {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(args, output, { DATABASE_URL: databaseUrl, KNOWLEDGE_DIR: path.join(root, "knowledge") });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("localism backup", () => {
  it("copies the SQLite database, questions asked included, and never overwrites a file", async () => {
    const databaseUrl = freshSqliteUrl();
    expect((await cli(["ask", "what is assumed liberty"], databaseUrl)).code).toBe(0);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "localism-backup-")), "copy.db");

    const backup = await cli(["backup", file], databaseUrl);
    expect(backup).toMatchObject({ code: 0, out: `Backed up the database to ${file}.` });
    const copy = new Database(file, { readonly: true });
    try {
      const rows = copy.prepare("SELECT question FROM QuestionLog").all() as { question: string }[];
      expect(rows.map((row) => row.question)).toEqual(["what is assumed liberty"]);
    } finally {
      copy.close();
    }

    const again = await cli(["backup", file], databaseUrl);
    expect(again.code).toBe(2);
    expect(again.err).toContain("already exists");
    expect((await cli(["backup"], databaseUrl)).err).toContain("Usage: localism backup <file>");
  });
});
