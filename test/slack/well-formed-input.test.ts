import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHANNELS,
  FORM,
  openFromMessage,
  PEOPLE,
  readable,
  startConcernBot,
  TRIAGE,
  waitUntil,
} from "../features/concerns/slack/support";
import type { TestBot } from "../support/bot";

const LONE = "\uD83D";
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe.each(["sqlite", "postgres"] as const)(
  "a lone UTF-16 surrogate in what people type, through the real Bolt receiver, on %s",
  (provider) => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startConcernBot({ provider });
    });
    afterAll(() => t?.close());

    const questions = () => t.bot.core.features.objectives.questions.since(new Date(0));

    it("answers /objectives and stores the question well-formed", async () => {
      const reply = await t.slack.slashCommand({
        command: "/objectives",
        text: `what did Lansley say about autonomy ${LONE}?`,
        user: PEOPLE.staff.id,
        channel: CHANNELS.commissioning.id,
      });
      expect(reply.effect.kind).toBe("ephemeral");
      expect(readable(reply.body)).toContain("Source: ");
      await waitUntil(async () => (await questions()).some((q) => q.question.startsWith("what did Lansley")));
      for (const q of await questions()) expect(q.question).not.toMatch(loneSurrogate);
    });

    it("answers a mention and stores the question well-formed", async () => {
      const bot = t.standin.workspace.app.botUserId;
      const asked = await t.slack.userMessage({
        user: PEOPLE.staff.id,
        channel: CHANNELS.commissioning.id,
        text: `<@${bot}> will the Board let CCGs decide ${LONE} for themselves?`,
      });
      expect(asked.deliveries.map((d) => d.status)).toEqual([200]);
      const reply = await t.standin.waitForCall(
        "chat.postMessage",
        (call) => call.params.thread_ts === asked.message.ts,
        10_000,
      );
      expect(readable(reply.params)).toContain("will the Board let CCGs decide \uFFFD for themselves?");
      await waitUntil(async () => (await questions()).some((q) => q.question.includes("let CCGs decide")));
      const stored = (await questions()).find((q) => q.question.includes("let CCGs decide"));
      expect(stored?.question).toContain("decide \uFFFD for");
    });
  },
);

describe.each(["sqlite", "postgres"] as const)(
  "a lone UTF-16 surrogate in a concern form, through the real Bolt receiver, on %s",
  (provider) => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startConcernBot({ provider });
    });
    afterAll(() => t?.close());

    it("quotes a message carrying a lone surrogate in the form, replaced", async () => {
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        `Region said ${LONE} so.`,
      );
      const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, message);
      expect(JSON.stringify(view)).toContain("Region said \uFFFD so.");
    });

    it("stores a concern form field with a lone surrogate, replaced, and confirms it", async () => {
      const message = t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, "Region said so.");
      const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, message);
      const whatHappened = `The regional team overruled our governing body ${LONE} on procurement.`;
      const submitted = await t.slack.viewSubmission({
        user: PEOPLE.staff.id,
        viewId: view.id,
        values: { ...FORM, what_happened: whatHappened },
      });
      expect(submitted.effect.kind).toBe("updated");
      const concern = await t.bot.core.database.db.concern.findFirst({ orderBy: { number: "desc" } });
      expect(JSON.stringify(concern)).toContain("governing body \uFFFD on procurement");
      expect(JSON.stringify(concern)).not.toMatch(loneSurrogate);
      const card = await t.standin.waitForCall("chat.postMessage", (call) => call.params.channel === TRIAGE.id, 10_000);
      expect(readable(card.params)).not.toMatch(loneSurrogate);
    });
  },
);
