import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, FORM, modalOf, PEOPLE, readable, startConcernBot } from "../features/concerns/slack/support";
import type { TestBot } from "../support/bot";

const CANNOT_USE = "cannot use its database just now";

/**
 * Each request is checked against those already handled, in the database, before it goes on. When
 * the database cannot say, the request does not go on unguarded, and the person is not left with
 * a bare error: a slash command and a form say why, and Slack retries an event later.
 */
describe("the front door when the database cannot say whether a request was handled", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterAll(() => t?.close());

  it("tells the person why in the command's reply and under the form, keeps the form, and makes Slack retry events", async () => {
    await t.slack.slashCommand({
      command: "/concerns",
      text: "new",
      user: PEOPLE.staff.id,
      channel: CHANNELS.commissioning.id,
    });
    const form = await modalOf(t, PEOPLE.staff.id, "concern_form");
    await t.bot.core.database.db.$executeRawUnsafe(`DROP TABLE "SlackRequestSeen"`);

    const command = await t.slack.slashCommand({
      command: "/objectives",
      text: "1",
      user: PEOPLE.staff.id,
      channel: CHANNELS.commissioning.id,
    });
    expect(command.status).toBe(200);
    expect(command.effect.kind).toBe("ephemeral");
    expect(readable(command.body)).toContain(CANNOT_USE);

    const submitted = await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: form.id, values: FORM });
    expect(submitted.status).toBe(200);
    expect(submitted.effect.kind).toBe("errors");
    expect(readable(submitted.body)).toContain(CANNOT_USE);
    expect(t.standin.openViewsFor(PEOPLE.staff.id).at(-1)?.id).toBe(form.id);

    const event = await t.slack.appHomeOpened(PEOPLE.staff.id);
    expect(event.status).toBe(503);
    expect(t.logs.join("\n")).not.toContain(PEOPLE.staff.id);
  });
});
