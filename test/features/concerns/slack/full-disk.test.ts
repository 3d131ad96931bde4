import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import { CHANNELS, FORM, modalOf, openFromMessage, PEOPLE, readable, startConcernBot } from "./support";

const COULD_NOT_SAVE = "could not be saved";

/** Opens a blank concern form with `/concerns new`, as `user`. */
async function openBlankForm(t: TestBot, user: string) {
  await t.slack.slashCommand({ command: "/concerns", text: "new", user, channel: CHANNELS.commissioning.id });
  return modalOf(t, user, "concern_form");
}

/** SQLite's page limit on the bot's own connection: at the current size, nothing more can be written (SQLITE_FULL). */
async function fillDisk(t: TestBot): Promise<number> {
  const db = t.bot.core.database.db;
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const [row] = await db.$queryRawUnsafe<Array<{ page_count: number | bigint }>>("PRAGMA page_count");
  const pages = Number(row?.page_count ?? 0);
  await db.$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);
  // Use up the free space left inside the file, as the rest of a full disk would.
  for (let size = 64_000; size >= 16; ) {
    try {
      await db.concernDraft.create({
        data: {
          id: `filler-${size}-${Math.random()}`,
          workspaceId: t.standin.workspace.team.id,
          text: "x".repeat(size),
          createdAt: new Date(),
        },
      });
    } catch {
      size = Math.floor(size / 2);
    }
  }
  return pages;
}

async function freeDisk(t: TestBot): Promise<void> {
  await t.bot.core.database.db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
}

describe("concerns submitted while the SQLite disk is full", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterAll(() => t?.close());

  it("tells every submitter it could not be saved, and saves again once space is freed, without a restart", async () => {
    const forms = [];
    for (let i = 0; i < 8; i++) {
      const user = t.standin.workspace.addUser({ name: `staff.member${i}` }).id;
      t.standin.workspace.channel(CHANNELS.commissioning.id)?.members.push(user);
      forms.push({ user, view: await openBlankForm(t, user) });
    }
    await fillDisk(t);
    // The first few may still fit in free space inside the file's pages; from the first refusal on, every one is refused.
    const answers: string[] = [];
    for (const { user, view } of forms) {
      // Long enough to need a page of its own.
      const values = { ...FORM, what_happened: `${FORM.what_happened} ${"The area team insisted. ".repeat(90)}` };
      const submitted = await t.slack.viewSubmission({ user, viewId: view.id, values }, { timeoutMs: 5_000 });
      expect(submitted.status).toBe(200);
      expect(submitted.tooSlow).toBe(false);
      answers.push(readable(submitted.body).includes(COULD_NOT_SAVE) ? "refused" : "saved");
    }
    const firstRefusal = answers.indexOf("refused");
    expect(firstRefusal).toBeGreaterThanOrEqual(0);
    expect(firstRefusal).toBeLessThan(answers.length - 2);
    expect(answers.slice(firstRefusal)).toEqual(answers.slice(firstRefusal).map(() => "refused"));

    await freeDisk(t);
    const again = await openBlankForm(t, PEOPLE.staff.id);
    const saved = await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: again.id, values: FORM });
    expect(saved.effect.kind).toBe("updated");
    expect(readable(saved.body)).toMatch(/CON-\d{4}/);
  });

  it("from a message: each press of Submit while the disk is full is answered, and the same form saves once space is freed", async () => {
    const forms = [];
    for (let i = 0; i < 6; i++) {
      const user = t.standin.workspace.addUser({ name: `quoting.member${i}` }).id;
      t.standin.workspace.channel(CHANNELS.commissioning.id)?.members.push(user);
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        `The regional team overruled our governing body, item ${i}. ${"It was decided for us. ".repeat(80)}`,
      );
      const { view } = await openFromMessage(t, user, CHANNELS.commissioning.id, message);
      forms.push({ user, view });
    }
    await fillDisk(t);
    const answers: string[] = [];
    for (const { user, view } of [...forms, ...forms]) {
      const submitted = await t.slack.viewSubmission({ user, viewId: view.id, values: FORM }, { timeoutMs: 5_000 });
      expect(submitted.status).toBe(200);
      expect(submitted.tooSlow).toBe(false);
      answers.push(readable(submitted.body).includes(COULD_NOT_SAVE) ? "refused" : "saved");
    }
    expect(answers).toEqual(answers.map(() => "refused"));

    await freeDisk(t);
    const [first] = forms;
    if (!first) throw new Error("no form");
    const saved = await t.slack.viewSubmission({ user: first.user, viewId: first.view.id, values: FORM });
    expect(readable(saved.body)).toMatch(/CON-\d{4}/);
  });
});
