import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../../src/cli/main";
import type { Output } from "../../../../src/cli/output";
import { freshSqliteUrl } from "../../../support/databases";

const root = path.resolve(import.meta.dirname, "../../../..");
const corpus = path.join(root, "test/fixtures/minutes-corpus");

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(args, output, {
    DATABASE_URL: freshSqliteUrl(),
    KNOWLEDGE_DIR: path.join(root, "knowledge"),
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("localism eval-minutes", () => {
  it("prints the figures beside the baseline and the goals, then each document's problems", async () => {
    const { code, out } = await cli(["eval-minutes", corpus, "--split", "tuning"]);
    expect(code).toBe(0);
    expect(out).toContain("Extraction quality on 54 documents");
    expect(out).toMatch(/Meeting date\s+100%\s+\S+\s+>= 100%/);
    expect(out).toMatch(/Attendee F1\s+\d\.\d\d\s+0\.00\s+>= 0\.95/);
    expect(out).toContain("All goals met.");
    expect(out).toContain("kennetbridge-courier-news-2012-12-14.html: not minutes, recognised: a news story");
    expect(out).toContain("calder-brook-ccg-gb-2012-11-08.pdf: date ok");
  });

  it("gives the same as JSON, with each document's counts and problems", async () => {
    const { code, out } = await cli(["eval-minutes", corpus, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      split: null,
      figures: { documents: 73, meetingDate: 1, nonMinutesRecognised: 1 },
      baseline: { documents: 73, attendeeF1: 0 },
      goals: { attendeeF1: 0.95, itemF1: 0.9 },
    });
    expect(report.documents).toHaveLength(73);
    const news = report.documents.find((document: { document: string }) => document.document.includes("courier"));
    expect(news).toMatchObject({ minutes: false, extractedMinutes: false, reason: expect.stringContaining("news") });
    for (const document of report.documents) {
      expect(document).toEqual(
        expect.objectContaining({
          document: expect.any(String),
          counts: expect.objectContaining({ items: expect.any(Object), actions: expect.any(Object) }),
          problems: expect.any(Array),
        }),
      );
    }
  });

  it("reports a folder with no labelled documents, a bad label and an unknown half", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "eval-empty-"));
    expect(await cli(["eval-minutes", empty])).toMatchObject({
      code: 1,
      err: expect.stringContaining("no labelled documents"),
    });

    const bad = mkdtempSync(path.join(tmpdir(), "eval-bad-"));
    writeFileSync(path.join(bad, "m.txt"), "Minutes of the Board held on 1 May 2012\n\nThe Board noted the report.");
    writeFileSync(path.join(bad, "m.yaml"), "document: m.txt\nminutes: true\nmeetingDate: May 2012\n");
    expect(await cli(["eval-minutes", bad])).toMatchObject({ code: 1, err: expect.stringContaining("m.yaml") });

    expect(await cli(["eval-minutes", corpus, "--split", "training"])).toMatchObject({
      code: 1,
      err: expect.stringContaining('no "training" list'),
    });
    expect(await cli(["eval-minutes"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("Use: localism eval-minutes"),
    });
  });
});
