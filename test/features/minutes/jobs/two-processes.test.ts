import type { SlackStandin } from "@localism/slack-standin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { CHANNELS, PEOPLE, startTestStandin, type TestBot } from "../../../support/bot";
import { digest, jobs, postsIn, publish, startDigestBot } from "../../../support/digest-bot";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { MINUTES_TEXT, minutesText } from "../ingest/fixtures";

/**
 * Two bot processes (two Bolt apps, two Prisma clients, two outbox senders) share one PostgreSQL
 * database and one Slack. Both run the digest job at the same moments; Slack must see exactly one
 * digest per channel per period.
 */
describe("exactly one digest per subscription per period with two processes on one PostgreSQL database", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let standin: SlackStandin;
  let first: TestBot;
  let second: TestBot;
  const channels: string[] = [];

  beforeAll(async () => {
    await server.start();
    standin = await startTestStandin();
    first = await startDigestBot({ provider: "postgres", clock, sharedStandin: standin });
    second = await startDigestBot({ clock, sharedStandin: standin, databaseUrl: first.databaseUrl });
    channels.push(CHANNELS.commissioning.id);
    for (const name of ["ccg-finance", "ccg-board", "ccg-primary-care", "ccg-governance-public"]) {
      channels.push(standin.workspace.addChannel({ name, members: [PEOPLE.staff.id] }).id);
    }
  }, 60_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await standin?.close();
    await server.close();
  });

  it("posts each channel's digest once a week however the two processes race", async () => {
    for (const [n, channel] of channels.entries()) {
      const bot = n % 2 === 0 ? first : second;
      expect(
        await digest(bot, n % 3 === 0 ? "subscribe weekly monday 09:00 quiet" : "subscribe weekly monday 09:00", {
          channel,
        }),
      ).toContain("Subscribed");
    }
    const weeks = ["2026-03-23T09:00:00Z", "2026-03-30T08:00:00Z", "2026-04-06T08:00:00Z"];
    const documents = [
      ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      minutesText(MINUTES_TEXT.ccgGoverningBody),
      ownFile("nhs-england-style-board-minutes.html"),
    ];
    const types = ["application/pdf", "text/plain", "text/html"];
    for (const [week, runAt] of weeks.entries()) {
      clock.set(new Date(new Date(runAt).getTime() - 3 * 86_400_000));
      await publish(week % 2 === 0 ? first : second, server, `/week-${week}`, documents[week]!, types[week]!);
      clock.set(new Date(runAt));
      await Promise.all([jobs(first).digests(), jobs(second).digests(), jobs(second).digests(), jobs(first).digests()]);
      clock.advance(5 * 60_000);
      await Promise.all([jobs(first).digests(), jobs(second).digests()]);
      for (const channel of channels)
        expect(postsIn(first, channel), `week ${week + 1} in ${channel}`).toHaveLength(week + 1);
    }
    const claims = await first.bot.core.database.db.digestClaim.groupBy({
      by: ["subscriptionId", "periodKey"],
      _count: true,
    });
    expect(claims).toHaveLength(channels.length * weeks.length);
    expect(claims.every((claim) => claim._count === 1)).toBe(true);
  }, 120_000);

  it("counts /digest now typed in both processes at once as one digest", async () => {
    clock.set(new Date("2026-04-08T10:00:00Z"));
    await publish(first, server, "/now.txt", minutesText(MINUTES_TEXT.icbBoard), "text/plain");
    clock.advance(60_000);
    const channel = channels[1]!;
    const before = postsIn(first, channel).length;
    const replies = await Promise.all([digest(first, "now", { channel }), digest(second, "now", { channel })]);
    // The process that claimed it sends at once (spaced a second from this channel's last post).
    await standin.waitForCall(
      "chat.postMessage",
      (call) => call.params.channel === channel && String(call.params.text).includes("6–13 April"),
      10_000,
    );
    await Promise.all([jobs(first).digests(), jobs(second).digests()]);
    expect(postsIn(first, channel)).toHaveLength(before + 1);
    expect(replies.filter((reply) => reply.includes("Posting the digest now"))).toHaveLength(1);
    expect(replies.filter((reply) => reply.includes("already posted"))).toHaveLength(1);
  }, 60_000);
});
