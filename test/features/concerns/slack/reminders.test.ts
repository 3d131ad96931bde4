import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Core, createCore } from "../../../../src/app";
import { runCli } from "../../../../src/cli/main";
import { ManualClock } from "../../../../src/clock";
import { loadConfig } from "../../../../src/config";
import { ConcernReminderJob } from "../../../../src/features/concerns/jobs/concern-reminders";
import { Logger } from "../../../../src/logger";
import { RECEIPT_PEPPER, type TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  TRIAGE,
  waitUntil,
} from "./support";

const root = path.resolve(import.meta.dirname, "../../../..");

/** London wall time in spring 2026 (BST, UTC+1). */
const london = (isoLocal: string) => new Date(`${isoLocal}+01:00`);

describe("acknowledgement reminders", () => {
  const clock = new ManualClock(london("2026-04-02T10:00:00")); // Thursday before Easter
  let holidaysFile: string;
  let t: TestBot;
  let reference: string;
  beforeAll(async () => {
    holidaysFile = path.join(mkdtempSync(path.join(tmpdir(), "reminders-")), "holidays.json");
    copyFileSync(path.join(root, "reference/bank-holidays-england-and-wales.json"), holidaysFile);
    t = await startConcernBot({ clock, env: { BANK_HOLIDAYS_FILE: holidaysFile } });
    const message = t.standin.workspace.postAsUser(
      CHANNELS.commissioning.id,
      PEOPLE.colleague.id,
      "The Board's region will set our 2026/27 priorities.",
    );
    await raiseFromMessage(t, PEOPLE.staff.id, message);
    reference = referenceShownTo(t, PEOPLE.staff.id);
    await waitUntil(() => Boolean(cardFor(t, reference)));
  });
  afterAll(() => t?.close());
  const reminderPass = (bot: typeof t) => {
    const job = bot.bot.core.features.concerns.reminderJob;
    if (!job) throw new Error("the bot registered the concerns feature, so it has a reminder job");
    return job.runOnce();
  };

  const reminders = () => t.standin.messagesIn(TRIAGE.id).filter((m) => m.text.includes("waited"));
  const runAt = async (isoLocal: string) => {
    clock.set(london(isoLocal));
    return reminderPass(t);
  };

  it("waits two working days, skipping Good Friday, the weekend and Easter Monday", async () => {
    for (const day of [
      "2026-04-02T16:00:00",
      "2026-04-03T10:30:00",
      "2026-04-04T11:00:00",
      "2026-04-05T11:00:00",
      "2026-04-06T10:30:00",
      "2026-04-07T10:30:00",
      "2026-04-08T09:30:00",
    ]) {
      expect(await runAt(day)).toBe(0);
    }
    expect(reminders()).toHaveLength(0);
    expect(await runAt("2026-04-08T10:30:00")).toBe(1);
    const [first] = reminders();
    expect(readable(first)).toContain(`${reference}* has waited 2 working days`);
    expect(readable(first)).toContain("<!subteam^S0LEADS01>");
    expect(first?.thread_ts).toBe(cardFor(t, reference)?.ts);
  });

  it("reminds once a day, and not out of office hours", async () => {
    expect(await runAt("2026-04-08T15:00:00")).toBe(0);
    expect(await runAt("2026-04-09T07:30:00")).toBe(0);
    expect(await runAt("2026-04-09T09:15:00")).toBe(1);
    expect(reminders()).toHaveLength(2);
  });

  it("sends one reminder when two processes share the database", async () => {
    const config = loadConfig({
      DATABASE_URL: t.databaseUrl,
      KNOWLEDGE_DIR: path.join(root, "knowledge"),
      BANK_HOLIDAYS_FILE: holidaysFile,
      CONCERN_TRIAGE_CHANNEL: TRIAGE.id,
    });
    const second: Core = await createCore(config, { clock, logger: new Logger("error", () => {}) });
    try {
      const { concerns } = second.features;
      const outbox = t.bot.core.features.concerns.outbox;
      if (!outbox) throw new Error("the bot registered the concerns feature, so it has an outbox");
      // The second process claims through its own storage; whichever outbox runs next delivers what it owes.
      const other = new ConcernReminderJob({
        reminders: concerns.reminders,
        outbox,
        drafts: second.features.concerns.drafts,
        holidaysFile,
        clock,
      });
      clock.set(london("2026-04-10T10:00:00"));
      const sent = await Promise.all([reminderPass(t), other.runOnce(), reminderPass(t), other.runOnce()]);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
      expect(reminders()).toHaveLength(3);
    } finally {
      await second.close();
    }
  });

  it("follows a bank holiday added with `localism bank-holidays refresh`, and stops once acknowledged", async () => {
    const govuk = path.join(path.dirname(holidaysFile), "govuk.json");
    writeFileSync(
      govuk,
      JSON.stringify({
        "england-and-wales": {
          division: "england-and-wales",
          events: [{ title: "Extra bank holiday", date: "2026-04-13", notes: "", bunting: true }],
        },
      }),
    );
    const output = { out: () => {}, err: () => {} };
    expect(
      await runCli(["bank-holidays", "refresh", govuk], output, {
        BANK_HOLIDAYS_FILE: holidaysFile,
        DATABASE_URL: t.databaseUrl,
        CONCERN_RECEIPT_PEPPER: RECEIPT_PEPPER,
      }),
    ).toBe(0);
    expect(await runAt("2026-04-13T10:00:00")).toBe(0);
    expect(await runAt("2026-04-14T10:00:00")).toBe(1);
    expect(readable(reminders().at(-1))).toContain("has waited 5 working days");

    await t.slack.blockAction({
      user: PEOPLE.lead.id,
      actionId: "concern_acknowledge",
      container: { type: "message", channel: TRIAGE.id, ts: cardFor(t, reference)!.ts },
    });
    await waitUntil(() => readable(cardFor(t, reference)).includes("Acknowledged"));
    expect(await runAt("2026-04-15T10:00:00")).toBe(0);
    expect(reminders()).toHaveLength(4);
  });
});
