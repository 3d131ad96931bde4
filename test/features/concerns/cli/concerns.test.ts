import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../../src/cli/main";
import type { Output } from "../../../../src/cli/output";
import { systemClock } from "../../../../src/clock";
import { parseCsv } from "../../../support/csv";
import { type ConcernFixture, concernFixture, LEAD, submission, WORKSPACE } from "../storage/setup";

const root = path.resolve(import.meta.dirname, "../../../..");
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { out: (text) => out.push(text), err: (text) => err.push(text) };
  const code = await runCli(args, output, { KNOWLEDGE_DIR: path.join(root, "knowledge"), ...env });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("localism audit, concerns export and purge", () => {
  let f: ConcernFixture;
  let env: Record<string, string>;
  beforeAll(async () => {
    f = await concernFixture("sqlite");
    env = { DATABASE_URL: f.url };
    await f.database.db.workspace.create({ data: { id: WORKSPACE } });
    // An old concern, resolved five years ago; an old one never resolved; and two recent ones.
    f.clock.set(new Date(systemClock.now().getTime() - 5 * YEAR_MS));
    const old = await f.services.submissions.submit(submission({ viewId: "Vold" }));
    await f.services.submissions.submit(submission({ viewId: "Vopen" }));
    if (old.kind !== "created") throw new Error(old.kind);
    const request = { workspaceId: WORKSPACE, leadId: LEAD, concernId: old.concern.id };
    await f.services.triage.act(request, "acknowledge");
    await f.services.triage.act(request, "resolve", "Settled with the region.");
    f.clock.set(new Date(systemClock.now().getTime() - 2 * 24 * 60 * 60 * 1000));
    await f.services.submissions.submit(submission({ viewId: "Vrecent1" }));
    await f.services.submissions.submit(
      submission({ viewId: "Vrecent2", draft: { ...submission().draft, identityMode: "anonymous" } }),
    );
  });
  afterAll(() => f?.database.close());

  it("exports the concerns of a period as CSV on standard output", async () => {
    const { code, out } = await cli(["concerns", "export", "--since", "30d"], env);
    expect(code).toBe(0);
    const rows = parseCsv(out);
    expect(rows.map((row) => row.Reference)).toEqual(["CON-0003", "CON-0004"]);
    expect(rows.map((row) => row["Identity mode"])).toEqual(["named", "anonymous"]);
    const all = parseCsv((await cli(["concerns", "export", "--since", "120m"], env)).out);
    expect(all).toHaveLength(4);
  });

  it("runs as `npx localism concerns export --since 30d > concerns.csv`", async () => {
    const { stdout } = await promisify(execFile)(
      "npx",
      ["--no-install", "localism", "concerns", "export", "--since", "30d"],
      { cwd: root, env: { ...process.env, ...env } },
    );
    expect(stdout.startsWith("\uFEFFReference,Created,Status")).toBe(true);
    expect(parseCsv(stdout)).toHaveLength(2);
  });

  it("shows what a purge would remove, removes it leaving a tombstone, and the chain still verifies", async () => {
    const dry = await cli(["purge", "--dry-run"], env);
    expect(dry.out).toContain("Would purge 1 concern:");
    expect(dry.out).toMatch(/T0LOCAL CON-0001 {2}resolved/);
    expect(dry.out).toMatch(/still open[\s\S]*T0LOCAL CON-0002 {2}new/);
    expect(await f.database.db.concern.count()).toBe(4);

    const real = await cli(["purge"], env);
    expect(real.out).toContain("Purged 1 concern:");
    expect(real.out).toMatch(/Removed 3 audit entries; the tombstone is entry \d+/);
    expect(await f.database.db.concern.count()).toBe(3);
    const verified = await cli(["audit", "verify"], env);
    expect(verified).toMatchObject({ code: 0, out: expect.stringContaining("The audit trail is intact") });
    expect((await cli(["purge"], env)).out).toContain("Nothing to purge.");
  });

  it("verifies the audit chain, and catches an edited entry, a deleted one and an edited concern", async () => {
    const ok = await cli(["audit", "verify"], env);
    expect(ok.code).toBe(0);
    const head = /head (\d+:[0-9a-f]{64})/.exec(ok.out)?.[1] ?? "";
    expect((await cli(["audit", "verify", "--head", head], env)).code).toBe(0);
    const db = f.database.db;

    const [first] = await db.concernAuditEntry.findMany({
      where: { action: "submit" },
      orderBy: { seq: "asc" },
      take: 1,
    });
    await db.concernAuditEntry.update({ where: { seq: first!.seq }, data: { actor: "reporter:someone-else" } });
    const edited = await cli(["audit", "verify"], env);
    expect(edited).toMatchObject({ code: 1, err: expect.stringContaining(`BROKEN at entry ${first!.seq}`) });
    await db.concernAuditEntry.update({ where: { seq: first!.seq }, data: { actor: first!.actor } });
    expect((await cli(["audit", "verify"], env)).code).toBe(0);

    const concern = await db.concern.findFirstOrThrow({ where: { number: 3 } });
    await db.concern.update({ where: { id: concern.id }, data: { whatHappened: "Something milder." } });
    const altered = await cli(["audit", "verify"], env);
    expect(altered).toMatchObject({
      code: 1,
      err: expect.stringContaining("CON-0003 no longer matches what was submitted"),
    });
    await db.concern.update({ where: { id: concern.id }, data: { whatHappened: concern.whatHappened } });

    const [headSeq] = head.split(":");
    const rebuilt = await cli(["audit", "verify", "--head", `${headSeq}:${"0".repeat(64)}`], env);
    expect(rebuilt).toMatchObject({ code: 1, err: expect.stringContaining("differs from the last published head") });

    const entries = await db.concernAuditEntry.findMany({ orderBy: { seq: "asc" } });
    const middle = entries[Math.floor(entries.length / 2)]!;
    await db.concernAuditEntry.delete({ where: { seq: middle.seq } });
    const deleted = await cli(["audit", "verify"], env);
    expect(deleted).toMatchObject({
      code: 1,
      err: expect.stringContaining(`Entries ${middle.seq} to ${middle.seq} are missing`),
    });
  });
});

describe("localism bank-holidays refresh", () => {
  it("folds GOV.UK's file into the kept list, offline, keeping the older years", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "holidays-"));
    const kept = path.join(dir, "kept.json");
    copyFileSync(path.join(root, "reference/bank-holidays-england-and-wales.json"), kept);
    const govuk = path.join(dir, "bank-holidays.json");
    writeFileSync(
      govuk,
      JSON.stringify({
        "england-and-wales": {
          division: "england-and-wales",
          events: [
            { title: "New Year’s Day", date: "2029-01-01", notes: "", bunting: true },
            { title: "Christmas Day", date: "2028-12-25", notes: "", bunting: true },
          ],
        },
        scotland: {
          division: "scotland",
          events: [{ title: "2nd January", date: "2029-01-02", notes: "", bunting: true }],
        },
      }),
    );
    const result = await cli(["bank-holidays", "refresh", govuk], {
      BANK_HOLIDAYS_FILE: kept,
      DATABASE_URL: "file:/nonexistent/never-opened.db",
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain("1 added (2029-01-01)");
    const dates = (JSON.parse(readFileSync(kept, "utf8")) as { events: Array<{ date: string }> }).events.map(
      (event) => event.date,
    );
    expect(dates).toContain("2029-01-01");
    expect(dates).toContain("2012-04-06");
    expect(dates).not.toContain("2029-01-02");

    writeFileSync(govuk, "{ not json");
    expect(await cli(["bank-holidays", "refresh", govuk], { BANK_HOLIDAYS_FILE: kept })).toMatchObject({
      code: 1,
      err: expect.stringContaining("not valid JSON"),
    });
    expect((await cli(["bank-holidays", "refresh"], { BANK_HOLIDAYS_FILE: kept })).code).toBe(2);
  });
});
