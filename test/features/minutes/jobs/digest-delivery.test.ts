import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import { CHANNELS, PEOPLE, type TestBot } from "../../../support/bot";
import { digest, jobs, postsIn, publish, readable, startDigestBot } from "../../../support/digest-bot";
import { ownFile } from "../../../support/fixtures";
import { MinutesServer } from "../../../support/minutes-server";
import { MINUTES_TEXT, minutesText } from "../ingest/fixtures";

const commissioning = CHANNELS.commissioning.id;

describe("delivering digests to Slack", () => {
  const server = new MinutesServer();
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  let t: TestBot;
  beforeAll(() => server.start());
  afterAll(() => server.close());
  afterEach(() => t?.close());

  async function start() {
    clock.set(new Date("2026-03-18T10:00:00Z"));
    t = await startDigestBot({ clock });
  }

  it("waits out a 429 for its Retry-After, then posts the digest once", async () => {
    await start();
    await digest(t, "subscribe weekly monday 09:00", { channel: commissioning });
    await publish(t, server, "/ccg.pdf", ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"), "application/pdf");
    t.standin.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    clock.set(new Date("2026-03-23T09:00:00Z"));
    await jobs(t).digests();
    const calls = t.standin.callsTo("chat.postMessage");
    expect(calls.map((call) => call.status)).toEqual([429, 200]);
    expect((calls[1]?.at.getTime() ?? 0) - (calls[0]?.at.getTime() ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect(postsIn(t, commissioning)).toHaveLength(1);
    expect(t.logs.join("\n")).toContain("waiting 1 s as Retry-After asks");
  });

  it("retries a post Slack failed with backoff, and gives up after 12 attempts", async () => {
    await start();
    const other = t.standin.workspace.addChannel({ name: "ccg-retries" }).id;
    await digest(t, "subscribe weekly monday 09:00", { channel: commissioning });
    await publish(
      t,
      server,
      "/retry.pdf",
      ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      "application/pdf",
    );
    t.standin.failNext("chat.postMessage", { status: 500 });
    clock.set(new Date("2026-03-23T09:00:00Z"));
    await jobs(t).digests();
    expect(postsIn(t, commissioning)).toHaveLength(0);
    await jobs(t).digests();
    expect(postsIn(t, commissioning)).toHaveLength(0);
    clock.advance(30_000);
    await jobs(t).digests();
    expect(postsIn(t, commissioning)).toHaveLength(1);

    await digest(t, "unsubscribe", { channel: commissioning });
    await digest(t, "subscribe weekly monday 09:00", { channel: other });
    clock.set(new Date("2026-03-25T12:00:00Z"));
    await publish(t, server, "/retry-2.html", ownFile("nhs-england-style-board-minutes.html"), "text/html");
    t.standin.failNext("chat.postMessage", { status: 503, times: 12 });
    clock.set(new Date("2026-03-30T08:00:00Z"));
    for (let attempt = 0; attempt < 14; attempt++) {
      await jobs(t).digests();
      clock.advance(31 * 60_000);
    }
    const attempts = t.standin.callsTo("chat.postMessage").filter((call) => call.params.channel === other);
    expect(attempts.map((call) => call.status)).toEqual(Array(12).fill(503));
    expect(t.logs.join("\n")).toContain("Gave up posting outbox message");
    expect(await digest(t, "status", { channel: other })).toContain("not delivered");
  });

  it("continues a long digest in its thread, never posting to a channel more than once a second", async () => {
    await start();
    await digest(t, "subscribe weekly monday 09:00", { channel: commissioning });
    const text = minutesText(MINUTES_TEXT.healthDataBoard);
    for (let n = 1; n <= 14; n++)
      await publish(
        t,
        server,
        `/health-data/${n}.txt`,
        text.replace("OPEN HEALTH DATA BOARD", `OPEN HEALTH DATA BOARD ${n}`),
        "text/plain",
      );
    t.standin.rateLimit("chat.postMessage", { perChannelPerSecond: 1 });
    clock.set(new Date("2026-03-23T09:00:00Z"));
    await jobs(t).digests();

    const calls = t.standin.callsTo("chat.postMessage");
    expect(calls.every((call) => call.status === 200 && call.response.ok === true)).toBe(true);
    const [main, ...replies] = calls;
    expect(replies.length).toBeGreaterThan(0);
    expect(readable(main?.params.blocks)).toMatch(/…and \d+ more documents, continued in the thread below\./);
    const mainTs = String(main?.response.ts);
    expect(t.standin.threadReplies(commissioning, mainTs)).toHaveLength(replies.length);
    const shownTitles = calls.map((call) => String(call.params.text)).join(" ");
    for (let n = 1; n <= 14; n++) expect(shownTitles).toContain(`OPEN HEALTH DATA BOARD ${n}:`);
  }, 60_000);

  it("pauses only the subscription whose channel is archived or closed to the bot, and tells its subscriber by DM", async () => {
    await start();
    const finance = t.standin.workspace.addChannel({ name: "ccg-finance", members: [PEOPLE.lead.id] });
    const board = t.standin.workspace.addChannel({ name: "ccg-board", members: [PEOPLE.colleague.id] });
    await digest(t, "subscribe weekly monday 09:00", { channel: commissioning, user: PEOPLE.staff.id });
    await digest(t, "subscribe weekly monday 09:00", { channel: finance.id, user: PEOPLE.lead.id });
    await digest(t, "subscribe weekly monday 09:00", { channel: board.id, user: PEOPLE.colleague.id });
    await publish(t, server, "/board.html", ownFile("nhs-england-style-board-minutes.html"), "text/html");
    t.standin.workspace.archive(commissioning);
    t.standin.workspace.setBotMembership(finance.id, false);

    clock.set(new Date("2026-03-23T09:00:00Z"));
    await jobs(t).digests();
    expect(postsIn(t, board.id)).toHaveLength(1);
    const dmToStaff = t.standin.messagesIn(t.standin.workspace.dmWith(PEOPLE.staff.id).id);
    const dmToLead = t.standin.messagesIn(t.standin.workspace.dmWith(PEOPLE.lead.id).id);
    expect(dmToStaff.map((message) => message.text).join()).toContain(
      `paused the minutes digest you set up for <#${commissioning}>: it has been archived`,
    );
    expect(dmToLead.map((message) => message.text).join()).toContain(
      "I'm no longer a member of it. Invite me back with `/invite @localism-bot`",
    );
    expect(await digest(t, "status", { channel: finance.id, user: PEOPLE.lead.id })).toContain("*Paused*");

    const attemptsBefore = t.standin.callsTo("chat.postMessage").length;
    clock.set(new Date("2026-03-30T08:00:00Z"));
    await jobs(t).digests();
    expect(t.standin.callsTo("chat.postMessage").filter((call) => call.params.channel !== board.id)).toHaveLength(
      attemptsBefore - 1,
    );

    t.standin.workspace.setBotMembership(finance.id, true);
    expect(await digest(t, "resume", { channel: finance.id, user: PEOPLE.lead.id })).toContain("Resumed");
    clock.set(new Date("2026-03-30T08:01:00Z"));
    await jobs(t).digests();
    const resumed = postsIn(t, finance.id);
    expect(resumed).toHaveLength(1);
    expect(String(resumed[0]?.params.text)).toContain("Minutes of the Board meeting held in public, 26 July 2012");
  });

  it("posts each channel's digest once per period through a 429, a 500 and a call Slack never answers, and reports the channel it refuses", async () => {
    clock.set(new Date("2026-03-18T10:00:00Z"));
    t = await startDigestBot({ clock, env: { SLACK_POST_TIMEOUT_SECONDS: "1" } });
    const closed = t.standin.workspace.addChannel({ name: "ccg-closed", is_private: true, members: [PEOPLE.lead.id] });
    t.standin.workspace.setBotMembership(closed.id, true);
    await digest(t, "subscribe weekly monday 09:00", { channel: commissioning, user: PEOPLE.staff.id });
    await digest(t, "subscribe weekly monday 09:00", { channel: closed.id, user: PEOPLE.lead.id });
    await publish(
      t,
      server,
      "/faults.pdf",
      ownFile("example-vale-ccg-governing-body-2012-09-13.pdf"),
      "application/pdf",
    );
    // Removed from the private channel, the bot can no longer see it: Slack answers channel_not_found.
    t.standin.workspace.setBotMembership(closed.id, false);
    t.standin.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    t.standin.failNext("chat.postMessage", { status: 500 });

    clock.set(new Date("2026-03-23T09:00:00Z"));
    for (const wait of [0, 31_000, 61_000]) {
      clock.advance(wait);
      await jobs(t).digests();
    }
    expect(postsIn(t, commissioning)).toHaveLength(1);
    expect(postsIn(t, closed.id)).toHaveLength(0);
    const statuses = t.standin.callsTo("chat.postMessage").map((call) => call.status);
    expect(statuses).toEqual(expect.arrayContaining([429, 500]));
    const dmToLead = t.standin.messagesIn(t.standin.workspace.dmWith(PEOPLE.lead.id).id);
    expect(dmToLead.map((message) => message.text).join()).toContain(
      `paused the minutes digest you set up for <#${closed.id}>`,
    );

    // Next week Slack takes a post in and never answers: given up after the timeout, posted once on the retry.
    await publish(t, server, "/faults-2.html", ownFile("nhs-england-style-board-minutes.html"), "text/html");
    t.standin.failNext("chat.postMessage", { hang: true });
    clock.set(new Date("2026-03-30T09:00:00Z"));
    await jobs(t).digests();
    expect(postsIn(t, commissioning)).toHaveLength(1);
    expect(t.logs.join("\n")).toContain("failed (no_answer_in_time); trying again in 30 s");
    for (const wait of [31_000, 60 * 60_000]) {
      clock.advance(wait);
      await jobs(t).digests();
    }
    const posts = postsIn(t, commissioning);
    expect(posts).toHaveLength(2);
    expect(String(posts[1]?.params.text)).toContain("Minutes of the Board meeting held in public, 26 July 2012");
    const toCommissioning = t.standin
      .callsTo("chat.postMessage")
      .filter((call) => call.params.channel === commissioning);
    expect(toCommissioning.filter((call) => call.status === 0)).toHaveLength(1);
    expect(await digest(t, "status", { channel: commissioning })).not.toContain("not delivered");
  }, 60_000);

  it("posts the quiet note and the digest into a private channel the bot was invited to", async () => {
    await start();
    t.standin.workspace.setBotMembership(CHANNELS.governance.id, true);
    await digest(t, "subscribe weekly monday 09:00 quiet", { channel: CHANNELS.governance.id });
    await publish(t, server, "/wharfedale.txt", minutesText(MINUTES_TEXT.ccgGoverningBody), "text/plain");
    clock.set(new Date("2026-03-23T09:00:00Z"));
    await jobs(t).digests();
    expect(postsIn(t, CHANNELS.governance.id)).toHaveLength(1);
  });
});
