import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import { startTestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  concernsCommand,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  TRIAGE,
  waitUntil,
} from "./support";

describe("a replayed signed request has no second effect, on any instance", () => {
  let t: TestBot;
  let other: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
    // A second instance on the same database and the same Slack.
    other = await startTestBot({
      databaseUrl: t.databaseUrl,
      sharedStandin: t.standin,
      env: { CONCERN_LEADS: PEOPLE.lead.id, CONCERN_TRIAGE_CHANNEL: TRIAGE.id },
    });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it("an anonymous reply sent twice (same body, same timestamp) is stored once; the replay gets an empty 200", async () => {
    const message = t.standin.workspace.postAsUser(
      CHANNELS.commissioning.id,
      PEOPLE.colleague.id,
      "The Board set our budget.",
    );
    await raiseFromMessage(t, PEOPLE.staff.id, message, { identity_mode: "anonymous" });
    const reference = referenceShownTo(t, PEOPLE.staff.id);
    const receipt = /`([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})`/.exec(
      readable(t.standin.openViewsFor(PEOPLE.staff.id).at(-1)?.blocks),
    )?.[1];
    await waitUntil(() => Boolean(cardFor(t, reference)));
    const messages = () => t.bot.core.database.db.concernMessage.count();
    const before = await messages();

    const sent = await concernsCommand(t, PEOPLE.staff.id, `status ${reference} ${receipt} It was at the July board.`);
    expect(sent.reply).toContain("passed to the concern leads");
    await waitUntil(async () => (await messages()) === before + 1);

    const replay = await t.slack.replay(sent.delivered.sent);
    expect(replay.status).toBe(200);
    expect(replay.text).toBe("");
    const elsewhere = await other.slack.replay(sent.delivered.sent);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.text).toBe("");
    // Give a wrongly accepted replay the time to be stored before counting.
    await t.slack.slashCommand({
      command: "/concerns",
      text: "help",
      user: PEOPLE.staff.id,
      channel: CHANNELS.commissioning.id,
    });
    expect(await messages()).toBe(before + 1);
  });

  it("Slack's retries of an event (X-Slack-Retry-Num, same event_id) have no second effect", async () => {
    const first = await t.slack.appHomeOpened(PEOPLE.colleague.id);
    expect(first.status).toBe(200);
    await t.standin.waitForCall("views.publish", (c) => c.params.user_id === PEOPLE.colleague.id, 5_000);
    const published = () =>
      t.standin.callsTo("views.publish").filter((c) => c.params.user_id === PEOPLE.colleague.id).length;
    const count = published();
    const eventId = (first.payload as { event_id: string }).event_id;
    for (const [bot, num] of [
      [t, 1],
      [other, 2],
    ] as const) {
      const retry = await bot.slack.appHomeOpened(PEOPLE.colleague.id, {
        eventId,
        retry: { num, reason: "http_timeout" },
      });
      expect(retry.status).toBe(200);
    }
    // A new event is handled, so by the time it is, a wrongly handled retry would show too.
    await t.slack.appHomeOpened(PEOPLE.staff.id);
    await t.standin.waitForCall("views.publish", (c) => c.params.user_id === PEOPLE.staff.id, 5_000);
    expect(published()).toBe(count);
  });
});
