import type { SlackStandin } from "@localism/slack-standin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { CHANNELS, PEOPLE, startTestStandin, type TestBot } from "../../../support/bot";
import { publish, readable, startDigestBot } from "../../../support/digest-bot";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";

const QUESTION = "did the area team ask the CCG for monthly reports on its commissioning plans?";

describe("/objectives answers from ingested minutes, with their citation", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let standin: SlackStandin;
  let t: TestBot;
  beforeAll(async () => {
    await server.start();
    standin = await startTestStandin();
    t = await startDigestBot({ clock, sharedStandin: standin });
  });
  afterAll(async () => {
    await t?.close();
    await standin?.close();
    await server.close();
  });

  const ask = async (bot: TestBot) =>
    readable(
      (
        await bot.slack.slashCommand({
          command: "/objectives",
          text: QUESTION,
          user: PEOPLE.staff.id,
          channel: CHANNELS.commissioning.id,
        })
      ).body,
    );

  it("answers as soon as the minutes are ingested, quoting them with title, publisher, meeting date and link", async () => {
    const before = await ask(t);
    expect(before).not.toContain("From the minutes");
    expect(before).not.toContain("submit monthly reports");
    await publish(
      t,
      server,
      "/ccg/governing-body-2012-09-13.pdf",
      ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      "application/pdf",
    );
    const answer = await ask(t);
    expect(answer).toContain("submit monthly reports on its commissioning plans");
    expect(answer).toContain("From the minutes");
    expect(answer).toContain(
      `<${server.url("/ccg/governing-body-2012-09-13.pdf")}|NHS EXAMPLE VALE CLINICAL COMMISSIONING GROUP: Minutes of the Governing Body meeting held in public on 13 September 2012>, 127.0.0.1, 13 September 2012`,
    );
  });

  it("loads stored minutes into the search index when the bot starts", async () => {
    const restarted = await startDigestBot({ clock, sharedStandin: standin, databaseUrl: t.databaseUrl });
    try {
      expect(await ask(restarted)).toContain("submit monthly reports on its commissioning plans");
    } finally {
      await restarted.close();
    }
  });
});
