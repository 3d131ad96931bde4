import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  outboxOf,
  outboxRows,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  TRIAGE,
  waitUntil,
} from "./support";

/** The status-change DMs someone got about a concern (not the confirmation of raising it). */
function statusDms(t: TestBot, user: string, reference: string) {
  return t.standin
    .messagesIn(t.standin.workspace.dmWith(user).id)
    .filter((m) => m.text.includes(reference) && m.text.includes("has been acknowledged"));
}

async function raise(t: TestBot, mode: "named" | "anonymous" = "named") {
  const message = t.standin.workspace.postAsUser(
    CHANNELS.commissioning.id,
    PEOPLE.colleague.id,
    "The area team has told us to stop our own urgent care procurement and join theirs.",
  );
  await raiseFromMessage(t, PEOPLE.staff.id, message, { identity_mode: mode });
  const reference = referenceShownTo(t, PEOPLE.staff.id);
  await waitUntil(() => Boolean(cardFor(t, reference)));
  return reference;
}

function acknowledge(t: TestBot, reference: string) {
  const container = { type: "message" as const, channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" };
  return t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_acknowledge", container });
}

/** The DM row was refused with 429 (which is not counted as a failed attempt). */
async function rateLimited(t: TestBot) {
  await waitUntil(async () => (await outboxRows(t, "dm")).some((row) => row.lastError === "ratelimited"), 10_000);
}

/** The DM row has been tried and refused `times` times. */
async function refused(t: TestBot, times = 1) {
  await waitUntil(async () => (await outboxRows(t, "dm")).some((row) => row.attempts >= times), 10_000);
}

describe("status-change DMs go through the concern outbox", () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function start(clock: ManualClock) {
    t = await startConcernBot({ clock, env: { SLACK_POST_TIMEOUT_SECONDS: "1" } });
    return t;
  }

  it("is written with the change and sent once, after Slack answered 500 and then took it", async () => {
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    const bot = await start(clock);
    const reference = await raise(bot);
    bot.standin.failNext("chat.postMessage", { status: 500 });
    await acknowledge(bot, reference);
    await refused(bot);
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(0);
    expect((await outboxRows(bot, "status"))[0]?.sentAt).not.toBeNull();
    expect((await outboxRows(bot, "dm"))[0]?.lastError).toBe("http_500");

    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(1);
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(1);
    expect((await outboxRows(bot, "dm")).every((row) => row.sentAt && !row.failedAt)).toBe(true);
  });

  it("waits out a 429 for its Retry-After, then sends the DM once", async () => {
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    const bot = await start(clock);
    const reference = await raise(bot);
    bot.standin.failNext("chat.postMessage", { status: 429, retryAfter: 30 });
    await acknowledge(bot, reference);
    await rateLimited(bot);
    const posts = bot.standin.callsTo("chat.postMessage").length;

    clock.advance(20_000);
    await outboxOf(bot).runOnce();
    expect(bot.standin.callsTo("chat.postMessage")).toHaveLength(posts);
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(0);

    clock.advance(11_000);
    await outboxOf(bot).runOnce();
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(1);
  });

  it("still sends the DM, once, after Slack has said 429 more times than a failing message is tried", async () => {
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    const bot = await start(clock);
    const reference = await raise(bot);
    bot.standin.failNext("chat.postMessage", { status: 429, retryAfter: 1, times: 20 });
    await acknowledge(bot, reference);
    await rateLimited(bot);
    for (let second = 0; second < 40 && bot.standin.pendingFailures("chat.postMessage") > 0; second++) {
      clock.advance(1_000);
      await outboxOf(bot).runOnce();
    }
    clock.advance(60_000);
    await outboxOf(bot).runOnce();
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(1);
    const rows = await outboxRows(bot, "dm");
    expect(rows.every((row) => row.sentAt && !row.failedAt)).toBe(true);
  });

  it("gives up on a call Slack never answers and sends the DM once later", async () => {
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    const bot = await start(clock);
    const reference = await raise(bot);
    bot.standin.failNext("chat.postMessage", { hang: true });
    await acknowledge(bot, reference);
    await refused(bot);
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(0);

    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(1);
  });

  it("does not send the DM again when Slack took it but its answer never came back", async () => {
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    const bot = await start(clock);
    const reference = await raise(bot);
    bot.standin.failNext("chat.postMessage", { delayMs: 30_000, effectFirst: true });
    await acknowledge(bot, reference);
    await refused(bot);
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(1);

    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(1);
    const [row] = await outboxRows(bot, "dm");
    expect(row?.sentAt).not.toBeNull();
    expect(row?.ts).toBe(statusDms(bot, PEOPLE.staff.id, reference)[0]?.ts);
  });

  it("shows the leads under the card that the reporter could not be told, and logs nobody's id", async () => {
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    const bot = await start(clock);
    const reference = await raise(bot);
    bot.standin.failNext("chat.postMessage", { error: "account_inactive" });
    await acknowledge(bot, reference);
    const card = cardFor(bot, reference);
    const notes = () => readable(bot.standin.threadReplies(TRIAGE.id, card?.ts ?? ""));
    await waitUntil(() => notes().includes("could not be told"), 10_000);
    expect(notes()).toContain(`The person who raised *${reference}*`);
    expect(notes()).toContain("deactivated");
    const [row] = await outboxRows(bot, "dm");
    expect(row?.failedAt).not.toBeNull();
    expect(row?.lastError).toBe("account_inactive");

    // Settled: not tried again, and the leads are told once.
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(0);
    const told = bot.standin
      .threadReplies(TRIAGE.id, card?.ts ?? "")
      .filter((m) => m.text.includes("could not be told"));
    expect(told).toHaveLength(1);
    expect(bot.logs.join("\n")).not.toContain(PEOPLE.staff.id);
  });

  it("sends one DM for a change pressed twice at once", async () => {
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    const bot = await start(clock);
    const reference = await raise(bot);
    await Promise.all([acknowledge(bot, reference), acknowledge(bot, reference)]);
    await waitUntil(() => statusDms(bot, PEOPLE.staff.id, reference).length > 0, 10_000);
    await outboxOf(bot).runOnce();
    expect(await outboxRows(bot, "status")).toHaveLength(1);
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(1);
  });

  it("owes an anonymous reporter nothing by DM, and stores no user id for them", async () => {
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    const bot = await start(clock);
    const reference = await raise(bot, "anonymous");
    await acknowledge(bot, reference);
    await waitUntil(async () => (await outboxRows(bot, "status")).every((row) => row.sentAt !== null), 10_000);
    await waitUntil(async () => (await outboxRows(bot, "status")).length === 1);
    expect(await outboxRows(bot, "dm")).toHaveLength(0);
    const stored = JSON.stringify(await bot.bot.core.database.db.concernOutbox.findMany());
    expect(stored).not.toContain(PEOPLE.staff.id);
    expect(statusDms(bot, PEOPLE.staff.id, reference)).toHaveLength(0);
  });
});

describe("reminders go through the concern outbox", () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("posts a day's reminder once after Slack answered 503, and drops it once the day has passed", async () => {
    // Tuesday 10:00 in London (GMT); due after two working days.
    const clock = new ManualClock(new Date("2026-03-10T10:00:00Z"));
    t = await startConcernBot({ clock });
    const bot = t;
    const reference = await raise(bot);
    const job = bot.bot.core.features.concerns.reminderJob;
    if (!job) throw new Error("the bot registered the concerns feature, so it has a reminder job");
    const reminders = () => bot.standin.messagesIn(TRIAGE.id).filter((m) => m.text.includes("waited"));

    clock.set(new Date("2026-03-12T10:00:00Z"));
    bot.standin.failNext("chat.postMessage", { status: 503 });
    expect(await job.runOnce()).toBe(1);
    expect(reminders()).toHaveLength(0);
    expect((await outboxRows(bot, "reminder"))[0]?.lastError).toBe("http_503");
    // Claimed for the day: another pass owes nothing more.
    expect(await job.runOnce()).toBe(0);

    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(reminders()).toHaveLength(1);
    expect(readable(reminders()[0])).toContain(reference);

    // The next day's reminder, refused all day, is not posted on the day after.
    clock.set(new Date("2026-03-13T10:00:00Z"));
    bot.standin.failNext("chat.postMessage", { status: 503 });
    expect(await job.runOnce()).toBe(1);
    clock.set(new Date("2026-03-16T08:00:00Z"));
    await outboxOf(bot).runOnce();
    expect(reminders()).toHaveLength(1);
    expect((await outboxRows(bot, "reminder")).every((row) => row.sentAt !== null)).toBe(true);
  });
});
