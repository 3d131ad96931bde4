import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  dmsOf,
  dmsWith,
  GROUP_LEAD,
  outboxOf,
  outboxRows,
  PEOPLE,
  raiseFromMessage,
  referenceShownTo,
  startConcernBot,
  TRIAGE,
  WITH_PRIVATE_HISTORY,
  waitUntil,
} from "./support";

const UNREACHABLE = "cannot be posted to the triage channel";

/** Cards for a reference in the triage channel (there must only ever be one). */
function cardsFor(t: TestBot, reference: string) {
  return t.standin
    .messagesIn(TRIAGE.id)
    .filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && m.text.startsWith(`${reference}:`));
}

async function raise(t: TestBot, text: string) {
  const message = t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, text);
  await raiseFromMessage(t, PEOPLE.staff.id, message, { identity_mode: "named" });
  return referenceShownTo(t, PEOPLE.staff.id);
}

async function pending(t: TestBot) {
  return t.bot.core.database.db.concernOutbox.findMany({ where: { sentAt: null } });
}

describe("every stored concern reaches the leads through the outbox", () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("posts each card and DM it owes with one call, and looks for no earlier attempt when there was none", async () => {
    t = await startConcernBot();
    const bot = t;
    const before = bot.standin.calls.length;
    const reference = await raise(bot, "The regional team has decided our community services model for us.");
    await waitUntil(async () => cardsFor(bot, reference).length === 1 && (await pending(bot)).length === 0);

    const methods = bot.standin.calls.slice(before).map((call) => call.method);
    const delivered = await bot.bot.core.database.db.concernOutbox.count({ where: { ts: { not: null } } });
    expect(delivered).toBeGreaterThan(0);
    expect(methods.filter((method) => method === "chat.postMessage")).toHaveLength(delivered);
    expect(
      methods.filter((method) =>
        ["conversations.open", "conversations.history", "conversations.replies"].includes(method),
      ),
    ).toEqual([]);
  });

  it("tells each lead by DM, once, when the triage channel cannot be reached, and posts the card once it can", async () => {
    const clock = new ManualClock(new Date());
    t = await startConcernBot({ clock });
    const bot = t;
    bot.standin.failNext("chat.postMessage", { error: "channel_not_found" });
    const reference = await raise(bot, "The area team has told us to drop our own community services review.");

    await waitUntil(
      () => dmsOf(bot, PEOPLE.lead.id).includes(UNREACHABLE) && dmsOf(bot, GROUP_LEAD.id).includes(UNREACHABLE),
    );
    expect(dmsOf(bot, PEOPLE.lead.id)).toContain(reference);
    expect(cardsFor(bot, reference)).toHaveLength(0);
    await waitUntil(async () => (await pending(bot)).length === 1);
    const toldOnce = dmsOf(bot, PEOPLE.lead.id);

    // Still unreachable at the next try: the leads are not told again.
    clock.advance(5 * 60_000 + 1_000);
    bot.standin.failNext("chat.postMessage", { error: "channel_not_found" });
    await outboxOf(bot).runOnce();
    expect(dmsOf(bot, PEOPLE.lead.id)).toBe(toldOnce);

    clock.advance(5 * 60_000 + 1_000);
    await outboxOf(bot).runOnce();
    expect(cardsFor(bot, reference)).toHaveLength(1);
    expect(await pending(bot)).toHaveLength(0);
    const concern = await bot.bot.core.database.db.concern.findFirstOrThrow({
      where: { number: Number(reference.slice(4)) },
    });
    expect(concern.triageTs).toBe(cardsFor(bot, reference)[0]?.ts);
  });

  it("tells a lead the triage channel cannot be reached even when Slack fails that DM the first time", async () => {
    const clock = new ManualClock(new Date());
    t = await startConcernBot({ clock });
    const bot = t;
    bot.standin.failNext("chat.postMessage", { error: "channel_not_found" });
    bot.standin.failNext("chat.postMessage", { status: 500 });
    await raise(bot, "The area team wants our urgent care contract signed off by them first.");
    const toldOf = (lead: string) => dmsWith(bot, lead, UNREACHABLE).length;
    const refused = async () => (await outboxRows(bot, "dm")).some((row) => row.attempts > 0);
    // One lead is told; the other's DM met the 500 and waits for its retry.
    await waitUntil(async () => (await refused()) && toldOf(PEOPLE.lead.id) + toldOf(GROUP_LEAD.id) === 1);
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(toldOf(PEOPLE.lead.id)).toBe(1);
    expect(toldOf(GROUP_LEAD.id)).toBe(1);
  });

  it("waits out a 429 for its Retry-After before posting the card, then posts it once", async () => {
    const clock = new ManualClock(new Date());
    t = await startConcernBot({ clock });
    const bot = t;
    bot.standin.failNext("chat.postMessage", { status: 429, retryAfter: 30 });
    const reference = await raise(bot, "NHS CB regional office set our QIPP targets without asking.");
    await waitUntil(async () => (await pending(bot))[0]?.lastError === "ratelimited");
    const [row] = await pending(bot);
    expect(row?.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 30_000);

    const callsBefore = bot.standin.callsTo("chat.postMessage").length;
    clock.advance(29_000);
    await outboxOf(bot).runOnce();
    expect(bot.standin.callsTo("chat.postMessage")).toHaveLength(callsBefore);

    clock.advance(1_000);
    await outboxOf(bot).runOnce();
    expect(cardsFor(bot, reference)).toHaveLength(1);
  });

  it("keeps to one card a second in the triage channel once Slack refuses a burst, and posts every card once", async () => {
    const clock = new ManualClock(new Date());
    t = await startConcernBot({ clock });
    const bot = t;
    bot.standin.rateLimit("chat.postMessage", { perChannelPerSecond: 1 });
    const references: string[] = [];
    for (let n = 1; n <= 12; n++)
      references.push(await raise(bot, `The area team signed off contract ${n} for us without asking the CCG.`));
    await outboxOf(bot).runOnce();
    for (let second = 0; second < 60 && references.some((ref) => cardsFor(bot, ref).length === 0); second++) {
      clock.advance(1_000);
      await outboxOf(bot).runOnce();
    }
    for (const reference of references) expect(cardsFor(bot, reference)).toHaveLength(1);
    const refusedInTriage = bot.standin
      .callsTo("chat.postMessage")
      .filter((call) => call.status === 429 && call.params.channel === TRIAGE.id);
    expect(refusedInTriage.length).toBeLessThanOrEqual(2);
    expect(await pending(bot)).toHaveLength(0);
    expect(await bot.bot.core.database.db.concernOutbox.count({ where: { failedAt: { not: null } } })).toBe(0);
  }, 60_000);

  it("posts the cards it put off for Slack's pace at their turn, long before the outbox's next round", async () => {
    t = await startConcernBot({ startJobs: true });
    const bot = t;
    bot.standin.rateLimit("chat.postMessage", { perChannelPerSecond: 1 });
    const references: string[] = [];
    for (let n = 1; n <= 3; n++)
      references.push(await raise(bot, `The area team chose provider ${n} for our community contract without us.`));
    // The outbox's own round is every 15 seconds: only waking at the first put-off card's turn is sooner.
    await waitUntil(() => references.every((reference) => cardsFor(bot, reference).length === 1), 12_000);
    for (const reference of references) expect(cardsFor(bot, reference)).toHaveLength(1);
  }, 30_000);

  it("keeps trying with backoff through a minute and a half of 503s, and posts the card once", async () => {
    const clock = new ManualClock(new Date());
    t = await startConcernBot({ clock });
    const bot = t;
    bot.standin.failNext("chat.postMessage", { status: 503, times: 1 });
    const reference = await raise(bot, "The Board told us our governing body may not meet in public.");
    await waitUntil(async () => (await pending(bot))[0]?.lastError === "http_503");

    const waits: number[] = [];
    for (let elapsed = 0; elapsed < 90_000; ) {
      const [row] = await pending(bot);
      if (!row) break;
      const wait = row.nextAttemptAt.getTime() - clock.now().getTime();
      waits.push(wait);
      clock.advance(wait);
      elapsed += wait;
      bot.standin.failNext("chat.postMessage", { status: 503 });
      await outboxOf(bot).runOnce();
    }
    expect(waits.length).toBeGreaterThanOrEqual(3);
    expect(waits[1]).toBeGreaterThan(waits[0] ?? 0);
    expect(cardsFor(bot, reference)).toHaveLength(0);

    clock.advance(10 * 60_000);
    await outboxOf(bot).runOnce();
    expect(cardsFor(bot, reference)).toHaveLength(1);
    expect(cardFor(bot, reference)?.metadata).toMatchObject({ event_type: "localism_concern_card" });
  });

  it.each([
    ["granted the history of private channels: it finds the card and posts it once", WITH_PRIVATE_HISTORY, 1],
    ["with the manifest's scopes: it cannot look, so it posts the card again and says so", undefined, 2],
  ] as const)(
    "when the card's post reached Slack but its answer never came back, %s",
    async (_how, botScopes, cards) => {
      const clock = new ManualClock(new Date());
      t = await startConcernBot({ clock, ...(botScopes ? { botScopes } : {}) });
      const bot = t;
      // Slack posts the card, then its answer is lost (the outbox's client gives up on it).
      bot.standin.failNext("chat.postMessage", { status: 502 });
      const reference = await raise(bot, "The Board told us which provider to use for our diabetes service.");
      await waitUntil(async () => (await pending(bot))[0]?.lastError === "http_502");
      // As if the 502 came after Slack had posted it: put the card there, as a process that died would have.
      const [row] = await pending(bot);
      const concern = await bot.bot.core.database.db.concern.findFirstOrThrow({
        where: { number: Number(reference.slice(4)) },
      });
      const posted = await bot.bot.app.client.chat.postMessage({
        channel: TRIAGE.id,
        text: `${reference}: posted by a process that died`,
        metadata: { event_type: "localism_concern_card", event_payload: { outbox: row?.key ?? "" } },
      });
      clock.advance(60_000);
      await outboxOf(bot).runOnce();
      expect(cardsFor(bot, reference)).toHaveLength(cards);
      const after = await bot.bot.core.database.db.concern.findUniqueOrThrow({ where: { id: concern.id } });
      // The card kept up to date is the one the bot knows it posted.
      if (cards === 1) expect(after.triageTs).toBe(posted.ts);
      else {
        expect(after.triageTs).toBe(cardsFor(bot, reference).at(-1)?.ts);
        expect(bot.logs.join("\n")).toMatch(/Could not look for an earlier triage card in Slack \(missing_scope\)/);
      }
    },
  );
});
