import type { SlackStandin } from "@localism/slack-standin";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { OutboxRepository } from "../../../../src/features/minutes/storage/outbox";
import { startTestStandin, type TestBot } from "../../../support/bot";
import { digest, jobs, postsIn, publish, readable, startDigestBot } from "../../../support/digest-bot";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { waitUntil } from "../../../support/wait";

const HOUR = 60 * 60_000;

describe("changed documents and crashes", () => {
  const server = new MinutesServer();
  let standin: SlackStandin;
  const bots: TestBot[] = [];
  beforeAll(async () => {
    await server.start();
    standin = await startTestStandin();
  });
  afterAll(async () => {
    await standin.close();
    await server.close();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    while (bots.length > 0) await bots.pop()?.close();
  });

  async function bot(clock: ManualClock, databaseUrl?: string): Promise<TestBot> {
    const t = await startDigestBot({ clock, sharedStandin: standin, ...(databaseUrl ? { databaseUrl } : {}) });
    bots.push(t);
    return t;
  }

  it("replies in the original digest's thread when a document it showed is updated, rather than posting it again", async () => {
    const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
    const t = await bot(clock);
    const channelId = standin.workspace.addChannel({ name: "ccg-updates" }).id;
    await digest(t, "subscribe weekly monday 09:00", { channel: channelId });
    let html = ownFile("govuk-style-accountability-minutes.html").toString("utf8");
    await publish(t, server, "/accountability/september-2012", html, "text/html");
    server.serve("/accountability/september-2012", () => ({ body: html, contentType: "text/html" }));
    clock.set(new Date("2026-03-23T09:00:00Z"));
    await jobs(t).digests();
    const [original] = postsIn(t, channelId);
    expect(original).toBeDefined();

    html = html.replace(
      "</table>",
      "</table><p>Correction: the conditions would be published by 15 November 2012, not 31 October.</p>",
    );
    clock.set(new Date("2026-03-24T12:00:00Z"));
    await jobs(t).poll();
    clock.set(new Date("2026-03-30T08:00:00Z"));
    await jobs(t).digests();

    expect(postsIn(t, channelId)).toHaveLength(1);
    const replies = standin.threadReplies(channelId, String(original?.response.ts));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(/^Updated: .+ has changed since this digest\.$/);
    expect(readable(replies[0]?.blocks)).toContain("Correction: the conditions would be published by 15 November 2012");
  });

  it("flags a document as updated in the next digest when it changed before this channel saw it", async () => {
    const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
    const t = await bot(clock);
    const channelId = standin.workspace.addChannel({ name: "ccg-late-joiners" }).id;
    let html = ownFile("nhs-england-style-board-minutes.html").toString("utf8");
    await publish(t, server, "/board/late", html, "text/html");
    server.serve("/board/late", () => ({ body: html, contentType: "text/html" }));
    clock.set(new Date("2026-03-23T10:00:00Z"));
    await digest(t, "subscribe weekly monday 09:00", { channel: channelId });
    html = html.replace(
      "</article>",
      "<p>Addendum: the Board agreed to review the area team design in October.</p></article>",
    );
    clock.advance(2 * HOUR);
    await jobs(t).poll();
    clock.set(new Date("2026-03-30T08:00:00Z"));
    await jobs(t).digests();
    const [post] = postsIn(t, channelId);
    expect(readable(post?.params.blocks)).toContain("_(updated)_");
    expect(readable(post?.params.blocks)).toContain("1 updated document");
  });

  it("retries a digest claimed by a process that stopped before posting: posted once, neither lost nor doubled", async () => {
    const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
    const first = await bot(clock);
    const channelId = standin.workspace.addChannel({ name: "ccg-crash" }).id;
    await digest(first, "subscribe weekly monday 09:00", { channel: channelId });
    await publish(
      first,
      server,
      "/crash/minutes.pdf",
      ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      "application/pdf",
    );
    clock.set(new Date("2026-03-23T09:00:00Z"));

    // The first process claims the period and takes the message to send it, then dies before Slack is called.
    expect(await first.bot.core.features.minutes.digests.claimDue()).toBe(1);
    const outbox = new OutboxRepository(first.bot.core.database.db);
    const [message] = await outbox.due(clock.now());
    expect(
      await outbox.lock(
        message!.id,
        "the-process-that-died",
        clock.now(),
        new Date(clock.now().getTime() + 2 * 60_000),
      ),
    ).toBe(true);
    const databaseUrl = first.databaseUrl;
    await bots.pop()?.close();

    const restarted = await bot(clock, databaseUrl);
    await jobs(restarted).digests();
    expect(postsIn(restarted, channelId)).toHaveLength(0);
    clock.advance(2 * 60_000 + 1_000);
    await jobs(restarted).digests();
    await jobs(restarted).digests();
    expect(postsIn(restarted, channelId)).toHaveLength(1);
    expect(await digest(restarted, "status", { channel: channelId })).toContain("1 document.");
  });

  /** A bot whose subscribed channel has a digest due now, and its digest job. */
  async function digestDue(name: string) {
    const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
    const t = await bot(clock);
    const channelId = standin.workspace.addChannel({ name }).id;
    await digest(t, "subscribe weekly monday 09:00", { channel: channelId });
    await publish(
      t,
      server,
      `/${name}.pdf`,
      ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      "application/pdf",
    );
    clock.set(new Date("2026-03-23T09:00:00Z"));
    const digestJob = t.bot.core.features.minutes.digestJob;
    if (!digestJob) throw new Error("the test bot has Slack settings, so it has a digest job");
    return { t, clock, channelId, digestJob };
  }

  it("records a digest Slack accepted at the next run when the database connection was cut before it was marked sent, without posting it again", async () => {
    const { t, clock, channelId, digestJob } = await digestDue("ccg-cut-connection");
    const at = clock.now();
    vi.spyOn(OutboxRepository.prototype, "markSent").mockRejectedValueOnce(
      new Error("Connection terminated unexpectedly"),
    );

    await expect(digestJob.runOnce()).rejects.toThrow("Connection terminated unexpectedly");
    expect(postsIn(t, channelId)).toHaveLength(1);

    expect(await digestJob.runOnce()).toEqual({ claimed: 0, sent: 1 });
    expect(clock.now()).toEqual(at);
    expect(postsIn(t, channelId)).toHaveLength(1);
    const [row] = await t.bot.core.database.db.slackOutbox.findMany({ where: { channelId } });
    expect(row?.ts).toBe(String(postsIn(t, channelId)[0]?.response.ts));
    expect(row?.sentAt).toEqual(at);
    expect(await digest(t, "status", { channel: channelId })).toContain("1 document.");
  });

  it("does not leave a digest 'being posted' when the connection is cut while its status is settled", async () => {
    const { t, channelId, digestJob } = await digestDue("ccg-cut-settle");
    const settle = OutboxRepository.prototype as unknown as { settleClaim: () => Promise<void> };
    vi.spyOn(settle, "settleClaim").mockRejectedValueOnce(new Error("Connection terminated unexpectedly"));

    await expect(digestJob.runOnce()).rejects.toThrow("Connection terminated unexpectedly");
    expect(await digestJob.runOnce()).toEqual({ claimed: 0, sent: 1 });

    expect(postsIn(t, channelId)).toHaveLength(1);
    const status = await digest(t, "status", { channel: channelId });
    expect(status).toContain("1 document.");
    expect(status).not.toContain("being posted");
  });

  it("posts a digest once when two runs start at once in one process (the timer and /digest now)", async () => {
    const { t, channelId, digestJob } = await digestDue("ccg-two-runs");
    const { db } = t.bot.core.database;
    standin.failNext("chat.postMessage", { delayMs: 1_000 });

    const first = digestJob.runOnce();
    await waitUntil(
      async () => (await db.slackOutbox.count({ where: { channelId, lockedUntil: { not: null } } })) === 1,
    );
    const second = digestJob.runOnce();
    const runs = await Promise.all([first, second]);

    expect(runs.map((run) => run.sent)).toEqual([1, 0]);
    expect(postsIn(t, channelId)).toHaveLength(1);
  });
});
