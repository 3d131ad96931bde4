import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../../src/cli/main";
import type { Output } from "../../../../src/cli/output";
import { systemClock } from "../../../../src/clock";
import { SettingsRepository } from "../../../../src/features/settings/storage/settings-repository";
import { type ConcernFixture, concernFixture, LEAD, submission } from "../storage/setup";

const root = path.resolve(import.meta.dirname, "../../../..");
const YEAR_MS = 365.25 * 24 * 60 * 60 * 1000;
const KEEPS_LONGER = "T0KEEPS01";
const DEFAULTS = "T0DEFLT01";

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const output: Output = { out: (text) => out.push(text), err: () => undefined };
  const code = await runCli(args, output, { KNOWLEDGE_DIR: path.join(root, "knowledge"), ...env });
  return { code, out: out.join("\n") };
}

describe("localism purge across workspaces", () => {
  let f: ConcernFixture;
  let env: Record<string, string>;
  beforeAll(async () => {
    f = await concernFixture("sqlite");
    env = { DATABASE_URL: f.url, CONCERN_RETENTION_YEARS: "3" };
    // One concern in each workspace, resolved four years ago; one workspace keeps concerns five years.
    for (const workspaceId of [KEEPS_LONGER, DEFAULTS]) {
      await f.database.db.workspace.create({ data: { id: workspaceId } });
      f.clock.set(new Date(systemClock.now().getTime() - 4 * YEAR_MS));
      const raised = await f.services.submissions.submit(submission({ workspaceId }));
      if (raised.kind !== "created") throw new Error(raised.kind);
      const request = { workspaceId, leadId: LEAD, concernId: raised.concern.id };
      await f.services.triage.act(request, "acknowledge");
      await f.services.triage.act(request, "resolve", "Settled with the region.");
    }
    await new SettingsRepository(f.database.db).save(
      KEEPS_LONGER,
      { retentionYears: 5 },
      [{ setting: "retentionYears", oldValue: null, newValue: "5" }],
      "U0ADMIN01",
      systemClock.now(),
    );
  });
  afterAll(() => f?.database.close());

  it("says per workspace which retention applied and what went under it", async () => {
    const dry = await cli(["purge", "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("Default retention: 3 years");
    expect(dry.out).toMatch(
      new RegExp(`${KEEPS_LONGER}: retention 5 years \\(set by its admins\\)\\. .*\\n  Nothing to purge\\.`),
    );
    expect(dry.out).toMatch(
      new RegExp(
        `${DEFAULTS}: retention 3 years \\(the default\\)\\. .*\\n  Would purge 1 concern:\\n    ${DEFAULTS} CON-`,
      ),
    );
    expect(dry.out).toContain("Would purge 1 concern in all, from 1 workspace.");

    const real = await cli(["purge"], env);
    expect(real.out).toMatch(new RegExp(`${DEFAULTS}: retention 3 years[^\\n]*\\n  Purged 1 concern:`));
    expect(real.out).toContain("Purged 1 concern in all, from 1 workspace.");
    expect(await f.database.db.concern.count({ where: { workspaceId: KEEPS_LONGER } })).toBe(1);
    expect(await f.database.db.concern.count({ where: { workspaceId: DEFAULTS } })).toBe(0);
  });
});
