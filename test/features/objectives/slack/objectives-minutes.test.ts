import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { SlackStandin } from "@localism/slack-standin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { CHANNELS, PEOPLE, RECEIPT_PEPPER, startTestStandin, type TestBot } from "../../../support/bot";
import type { Provider } from "../../../support/databases";
import { publish, readable, startDigestBot } from "../../../support/digest-bot";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { waitUntil } from "../../../support/wait";

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

  it("answers from minutes stored before the bot started", async () => {
    const restarted = await startDigestBot({ clock, sharedStandin: standin, databaseUrl: t.databaseUrl });
    try {
      expect(await ask(restarted)).toContain("submit monthly reports on its commissioning plans");
    } finally {
      await restarted.close();
    }
  });
});

const root = fileURLToPath(new URL("../../../../", import.meta.url));
/** How long after one instance stores a document every other instance must answer from it. */
const SHARED_WITHIN_MS = 60_000;

describe.each<Provider>(["sqlite", "postgres"])(
  "minutes ingested by another process are answered by a running bot, on %s",
  (provider) => {
    let standin: SlackStandin;
    let t: TestBot;
    beforeAll(async () => {
      standin = await startTestStandin();
      t = await startDigestBot({ provider, sharedStandin: standin });
    });
    afterAll(async () => {
      await t?.close();
      await standin?.close();
    });

    it("`localism ingest` in its own process, then /objectives in the bot's: the bot quotes the new minutes", async () => {
      const ask = async () =>
        readable(
          (
            await t.slack.slashCommand({
              command: "/objectives",
              text: QUESTION,
              user: PEOPLE.staff.id,
              channel: CHANNELS.commissioning.id,
            })
          ).body,
        );
      expect(await ask()).not.toContain("submit monthly reports");
      const file = path.join(root, "test/fixtures/minutes/example-vale-ccg-governing-body-2012-09-13.pdf");
      await promisify(execFile)(process.execPath, [path.join(root, "bin/localism.mjs"), "ingest", file], {
        cwd: root,
        env: {
          ...process.env,
          DATABASE_URL: t.databaseUrl,
          CONCERN_RECEIPT_PEPPER: RECEIPT_PEPPER,
          LOG_LEVEL: "error",
        },
      });
      await waitUntil(
        async () => (await ask()).includes("submit monthly reports on its commissioning plans"),
        SHARED_WITHIN_MS,
      );
      expect(await ask()).toContain("From the minutes");
    }, 120_000);
  },
);
