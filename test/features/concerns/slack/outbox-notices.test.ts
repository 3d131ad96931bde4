import { webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/clock";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  dmsOf,
  dmsWith,
  FORM,
  GROUP_LEAD,
  modalOf,
  openFromMessage,
  outboxOf,
  outboxRows,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  stored,
  TRIAGE,
  WITH_PRIVATE_HISTORY,
  waitUntil,
} from "./support";

/**
 * What the concerns feature tells people besides cards and status changes: confirmations, the DM to
 * an assigned lead, recusal notices, notes under the card and reminders. Each is written to the
 * outbox with the change that owes it and sent once, whatever Slack does.
 */

const START = new Date("2026-03-10T10:00:00Z");

async function raise(t: TestBot, mode: "named" | "anonymous" = "named") {
  const message = t.standin.workspace.postAsUser(
    CHANNELS.commissioning.id,
    PEOPLE.colleague.id,
    "The area team has told us to stop our own urgent care procurement and join theirs.",
  );
  await raiseFromMessage(t, PEOPLE.staff.id, message, { identity_mode: mode });
  const reference = referenceShownTo(t, PEOPLE.staff.id);
  await waitUntil(() => Boolean(cardFor(t, reference)), 10_000);
  return { reference, message };
}

function thread(t: TestBot, reference: string) {
  return t.standin.threadReplies(TRIAGE.id, cardFor(t, reference)?.ts ?? "");
}

/** Opens the lead's reply form on an anonymous concern's card and sends `text`. */
async function replyAsLead(t: TestBot, reference: string, text: string) {
  await t.slack.blockAction({
    user: PEOPLE.lead.id,
    actionId: "concern_reply",
    container: { type: "message", channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" },
  });
  const view = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
  return {
    view,
    sent: await t.slack.viewSubmission({ user: PEOPLE.lead.id, viewId: view.id, values: { lead_text: text } }),
  };
}

async function openMore(t: TestBot, user: string, what: "assign" | "recuse", reference: string) {
  const concernId = (await stored(t, Number(reference.slice(4))))?.concern.id ?? "";
  await t.slack.blockAction({
    user,
    actionId: "concern_more",
    container: { type: "message", channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" },
    value: `${what}:${concernId}`,
  });
  return modalOf(t, user, what === "assign" ? "concern_assign" : "concern_recuse");
}

/** Rows of a kind have been tried and refused at least once. */
async function refused(t: TestBot, kind: string) {
  await waitUntil(async () => (await outboxRows(t, kind)).some((row) => row.attempts >= 1), 10_000);
}

/** A row of a kind was refused with 429 (which is not counted as a failed attempt). */
async function rateLimited(t: TestBot, kind: string) {
  await waitUntil(async () => (await outboxRows(t, kind)).some((row) => row.lastError === "ratelimited"), 10_000);
}

describe("messages besides cards go through the concern outbox", () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  async function start(clock: ManualClock, env: Record<string, string> = {}, botScopes?: readonly string[]) {
    t = await startConcernBot({
      clock,
      env: { SLACK_POST_TIMEOUT_SECONDS: "1", ...env },
      ...(botScopes ? { botScopes } : {}),
    });
    return t;
  }

  it("owes a named reporter's confirmation DM with the concern, and settles it once it was shown where they raised it", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot);
    await waitUntil(async () => (await outboxRows(bot, "confirm"))[0]?.sentAt != null, 10_000);
    const [row] = await outboxRows(bot, "confirm");
    expect(row?.payload).toBeNull();
    expect(row?.ts).toBeNull();
    clock.advance(10 * 60_000);
    await outboxOf(bot).runOnce();
    expect(dmsWith(bot, PEOPLE.staff.id, `logged as *${reference}*`)).toHaveLength(0);
  });

  it("sends the confirmation by DM once when it could not be shown where it was raised, after Slack answered 500", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const message = bot.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, "Told to merge.");
    // The form sat open past its response URL's life, and the channel refuses an ephemeral message.
    const { view } = await openFromMessage(bot, PEOPLE.staff.id, CHANNELS.commissioning.id, message);
    clock.advance(31 * 60_000);
    bot.standin.failNext("chat.postEphemeral", { error: "channel_not_found" });
    // The card is posted first, as usual; the DM then meets a 500.
    bot.standin.failNext("chat.postMessage", {});
    bot.standin.failNext("chat.postMessage", { status: 500 });
    await bot.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
    const reference = referenceShownTo(bot, PEOPLE.staff.id);
    await waitUntil(async () => (await outboxRows(bot, "card"))[0]?.sentAt != null, 10_000);
    await refused(bot, "confirm");
    expect(dmsWith(bot, PEOPLE.staff.id, `logged as *${reference}*`)).toHaveLength(0);
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(dmsWith(bot, PEOPLE.staff.id, `logged as *${reference}*`)).toHaveLength(1);
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(dmsWith(bot, PEOPLE.staff.id, `logged as *${reference}*`)).toHaveLength(1);
  });

  it("owes an anonymous reporter no confirmation DM, and nothing stored or logged names them", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot, "anonymous");
    const { sent } = await replyAsLead(bot, reference, "Could you tell us which contract?");
    expect(sent.status).toBe(200);
    await waitUntil(() => readable(thread(bot, reference)).includes("replied to the anonymous reporter"), 10_000);
    clock.advance(10 * 60_000);
    await outboxOf(bot).runOnce();
    expect(await outboxRows(bot, "confirm")).toHaveLength(0);
    expect(dmsWith(bot, PEOPLE.staff.id, reference)).toHaveLength(0);
    const everything = JSON.stringify(await bot.bot.core.database.db.concernOutbox.findMany());
    expect(everything).not.toContain(PEOPLE.staff.id);
    expect(bot.logs.join("\n")).not.toContain(PEOPLE.staff.id);
  });

  it("tells the lead a concern was assigned to once, after a 429 with Retry-After, even when the form is sent twice", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot);
    const view = await openMore(bot, GROUP_LEAD.id, "assign", reference);
    bot.standin.failNext("chat.postMessage", { status: 429, retryAfter: 30 });
    const values = { assignee: PEOPLE.lead.id };
    await Promise.all([
      bot.slack.viewSubmission({ user: GROUP_LEAD.id, viewId: view.id, values }),
      bot.slack.viewSubmission({ user: GROUP_LEAD.id, viewId: view.id, values }),
    ]);
    await rateLimited(bot, "assigned");
    const told = () => dmsWith(bot, PEOPLE.lead.id, `has assigned *${reference}* to you`);
    expect(told()).toHaveLength(0);
    clock.advance(20_000);
    await outboxOf(bot).runOnce();
    expect(told()).toHaveLength(0);
    clock.advance(11_000);
    await outboxOf(bot).runOnce();
    expect(told()).toHaveLength(1);
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(told()).toHaveLength(1);
    expect(await outboxRows(bot, "assigned")).toHaveLength(1);
  });

  it("shows the leads under the card that an assigned lead's account cannot be messaged", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot);
    const view = await openMore(bot, GROUP_LEAD.id, "assign", reference);
    bot.standin.failNext("chat.postMessage", { error: "account_inactive" });
    await bot.slack.viewSubmission({ user: GROUP_LEAD.id, viewId: view.id, values: { assignee: PEOPLE.lead.id } });
    await waitUntil(() => readable(thread(bot, reference)).includes("could not be told"), 10_000);
    expect(readable(thread(bot, reference))).toContain(`A concern lead handling *${reference}*`);
    expect(readable(thread(bot, reference))).toContain("deactivated");
    expect((await outboxRows(bot, "assigned"))[0]?.failedAt).not.toBeNull();
  });

  it("shows the leads under the card that a lead could not be messaged even when Slack fails that note the first time", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot);
    const view = await openMore(bot, GROUP_LEAD.id, "assign", reference);
    bot.standin.failNext("chat.postMessage", { error: "account_inactive" });
    bot.standin.failNext("chat.postMessage", { status: 500 });
    await bot.slack.viewSubmission({ user: GROUP_LEAD.id, viewId: view.id, values: { assignee: PEOPLE.lead.id } });
    await refused(bot, "note");
    const notices = () => thread(bot, reference).filter((m) => readable(m).includes("could not be told"));
    expect(notices()).toHaveLength(0);
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(notices()).toHaveLength(1);
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(notices()).toHaveLength(1);
  });

  it("tells each lead by DM at once when Slack will never take a note (too long), rather than retrying it for hours", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot, "anonymous");
    bot.standin.failNext("chat.postMessage", { error: "msg_too_long" });
    await replyAsLead(bot, reference, "Can you say which meeting it was?");
    const told = (lead: string) => dmsWith(bot, lead, `about *${reference}* could not be posted under its card`);
    await waitUntil(() => told(GROUP_LEAD.id).length === 1 && told(PEOPLE.lead.id).length === 1, 10_000);
    const [note] = await outboxRows(bot, "note");
    expect(note?.failedAt).not.toBeNull();
    expect(note?.lastError).toBe("msg_too_long");
  });

  it("keeps trying a note an admin can let through (posting restricted in the channel) rather than giving it up", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot, "anonymous");
    bot.standin.failNext("chat.postMessage", { error: "restricted_action" });
    await replyAsLead(bot, reference, "Which framework were you told to use?");
    await refused(bot, "note");
    const notes = () => thread(bot, reference).filter((m) => m.text.includes("Which framework were you told to use?"));
    expect(notes()).toHaveLength(0);
    expect(dmsWith(bot, GROUP_LEAD.id, "could not be posted under its card")).toHaveLength(0);
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(notes()).toHaveLength(1);
    expect((await outboxRows(bot, "note"))[0]?.failedAt).toBeNull();
  });

  it("tells whoever handles a concern of a recusal once, after a call Slack never answered", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot);
    const view = await openMore(bot, PEOPLE.lead.id, "recuse", reference);
    const told = () => dmsWith(bot, GROUP_LEAD.id, `<@${PEOPLE.lead.id}> has recused themselves from *${reference}*`);
    // The card moves to the other lead's DMs first (answered normally); the notice's post then hangs.
    bot.standin.failNext("chat.postMessage", {});
    bot.standin.failNext("chat.postMessage", { hang: true });
    await bot.slack.viewSubmission({ user: PEOPLE.lead.id, viewId: view.id, values: { recuse_reason: "about_me" } });
    await refused(bot, "dm");
    expect(told()).toHaveLength(0);
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(told()).toHaveLength(1);
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(told()).toHaveLength(1);
    expect(await outboxRows(bot, "recusal")).toHaveLength(1);
    expect(dmsWith(bot, PEOPLE.lead.id, "has recused themselves")).toHaveLength(0);
  });

  it("posts a lead's reply under the card once after Slack answered 500", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot, "anonymous");
    bot.standin.failNext("chat.postMessage", { status: 500 });
    await replyAsLead(bot, reference, "Which contract was it?");
    await refused(bot, "note");
    const notes = () => thread(bot, reference).filter((m) => m.text.includes("Which contract was it?"));
    expect(notes()).toHaveLength(0);
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(notes()).toHaveLength(1);
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(notes()).toHaveLength(1);
  });

  it("does not post a note again when Slack took it but its answer never came back: granted the history of private channels, it looks in the card's thread", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock, {}, WITH_PRIVATE_HISTORY);
    const { reference } = await raise(bot, "anonymous");
    bot.standin.failNext("chat.postMessage", { delayMs: 30_000, effectFirst: true });
    await replyAsLead(bot, reference, "Who at the area team?");
    await refused(bot, "note");
    const notes = () => thread(bot, reference).filter((m) => m.text.includes("Who at the area team?"));
    expect(notes()).toHaveLength(1);
    expect(notes()[0]?.metadata).toMatchObject({ event_payload: { outbox: expect.stringMatching(/^note:/) } });
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(notes()).toHaveLength(1);
    expect(bot.standin.callsTo("conversations.replies").length).toBeGreaterThan(0);
    const [row] = await outboxRows(bot, "note");
    expect(row?.sentAt).not.toBeNull();
    expect(row?.ts).toBe(notes()[0]?.ts);
  });

  it("posts a note again when Slack took it but its answer never came back, with the manifest's scopes: it cannot look in the card's thread, and says so", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot, "anonymous");
    bot.standin.failNext("chat.postMessage", { delayMs: 30_000, effectFirst: true });
    await replyAsLead(bot, reference, "Which team at the area office?");
    await refused(bot, "note");
    const notes = () => thread(bot, reference).filter((m) => m.text.includes("Which team at the area office?"));
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(notes()).toHaveLength(2);
    const [row] = await outboxRows(bot, "note");
    expect(row?.ts).toBe(notes()[1]?.ts);
    expect(bot.logs.join("\n")).toMatch(/Could not look in a card's thread for an earlier note \(missing_scope\)/);
  });

  it("tells the leads by DM when the triage channel is gone under a note", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference } = await raise(bot, "anonymous");
    bot.standin.failNext("chat.postMessage", { error: "channel_not_found" });
    await replyAsLead(bot, reference, "Please send the letter.");
    await waitUntil(() => dmsWith(bot, GROUP_LEAD.id, "Please send the letter.").length === 1, 10_000);
    await waitUntil(() => dmsWith(bot, PEOPLE.lead.id, "Please send the letter.").length === 1, 10_000);
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(dmsWith(bot, GROUP_LEAD.id, "Please send the letter.")).toHaveLength(1);
  });

  it("posts a supporter's note under the card once, written with the support", async () => {
    const clock = new ManualClock(START);
    const bot = await start(clock);
    const { reference, message } = await raise(bot);
    bot.standin.failNext("chat.postMessage", { status: 503 });
    await raiseFromMessage(bot, PEOPLE.colleague.id, message, { identity_mode: "confidential" });
    await refused(bot, "note");
    const notes = () => thread(bot, reference).filter((m) => m.text.includes("Someone else raised this message too"));
    expect(notes()).toHaveLength(0);
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(notes()).toHaveLength(1);
    expect(readable(notes())).toContain("confidentially");
    expect(readable(notes())).not.toContain(PEOPLE.colleague.id);
  });
});

describe("reminders reach the leads once", () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  function reminderJob(bot: TestBot) {
    const job = bot.bot.core.features.concerns.reminderJob;
    if (!job) throw new Error("the bot registered the concerns feature, so it has a reminder job");
    return job;
  }

  it("does not post a reminder again when Slack took it but its answer never came back (granted the history of private channels); it shows once in the channel", async () => {
    const clock = new ManualClock(START);
    t = await startConcernBot({ clock, env: { SLACK_POST_TIMEOUT_SECONDS: "1" }, botScopes: WITH_PRIVATE_HISTORY });
    const bot = t;
    const { reference } = await raise(bot);
    clock.set(new Date("2026-03-12T10:00:00Z"));
    bot.standin.failNext("chat.postMessage", { delayMs: 30_000, effectFirst: true });
    expect(await reminderJob(bot).runOnce()).toBe(1);
    await refused(bot, "reminder");
    const inThread = () => thread(bot, reference).filter((m) => m.text.includes("waited"));
    expect(inThread()).toHaveLength(1);

    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(inThread()).toHaveLength(1);
    const [row] = await outboxRows(bot, "reminder");
    expect(row?.sentAt).not.toBeNull();
    expect(row?.ts).toBe(inThread()[0]?.ts);
    // Broadcast to the channel, as Slack shows it: once in the channel's history.
    const client = new webApi.WebClient(bot.standin.token, { slackApiUrl: bot.standin.apiUrl });
    const history = (await client.conversations.history({ channel: TRIAGE.id })) as {
      messages?: Array<{ text?: string; subtype?: string }>;
    };
    const shown = (history.messages ?? []).filter((m) => m.text?.includes("waited"));
    expect(shown).toHaveLength(1);
    expect(shown[0]?.subtype).toBe("thread_broadcast");
  });

  it("tells each lead by DM when there is no triage channel to remind them in", async () => {
    const clock = new ManualClock(START);
    t = await startConcernBot({ clock, env: { SLACK_POST_TIMEOUT_SECONDS: "1", CONCERN_TRIAGE_CHANNEL: "" } });
    const bot = t;
    const message = bot.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, "Told to merge.");
    await raiseFromMessage(bot, PEOPLE.staff.id, message);
    const reference = referenceShownTo(bot, PEOPLE.staff.id);
    // The confirmation was shown where it was raised, so its DM is not owed when the days pass.
    await waitUntil(async () => (await outboxRows(bot, "confirm"))[0]?.sentAt != null, 10_000);
    clock.set(new Date("2026-03-12T10:00:00Z"));
    bot.standin.failNext("chat.postMessage", { status: 500 });
    expect(await reminderJob(bot).runOnce()).toBe(1);
    const waited = (user: string) => dmsWith(bot, user, `${reference}* has waited`);
    await waitUntil(() => waited(PEOPLE.lead.id).length + waited(GROUP_LEAD.id).length === 1, 10_000);
    clock.advance(6_000);
    await outboxOf(bot).runOnce();
    expect(waited(PEOPLE.lead.id)).toHaveLength(1);
    expect(waited(GROUP_LEAD.id)).toHaveLength(1);
    clock.advance(60 * 60_000);
    await outboxOf(bot).runOnce();
    expect(waited(PEOPLE.lead.id)).toHaveLength(1);
    expect(dmsOf(bot, PEOPLE.staff.id)).not.toContain("has waited");
  });
});
