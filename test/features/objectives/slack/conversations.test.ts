import type { RecordedCall } from "@localism/slack-standin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, PEOPLE, readable, startTestBot, type TestBot } from "../../../support/bot";
import { waitUntil } from "../../../support/wait";

/**
 * Questions asked where people talk: signed app_mention and message.im events through the real
 * Bolt receiver, in Slack's shapes, and what the bot then asked the stand-in for Slack to do.
 */
describe("mentions and direct messages through the real receiver", () => {
  let t: TestBot;
  let bot: string;
  beforeAll(async () => {
    t = await startTestBot();
    bot = t.standin.workspace.app.botUserId;
  });
  afterAll(() => t?.close());

  const channel = CHANNELS.commissioning.id;
  const postsIn = (where: string, threadTs?: string) =>
    t.standin
      .callsTo("chat.postMessage")
      .filter(
        (call) => call.params.channel === where && (threadTs === undefined || call.params.thread_ts === threadTs),
      );
  const replyIn = (where: string, threadTs?: string): Promise<RecordedCall> =>
    t.standin.waitForCall(
      "chat.postMessage",
      (call) => call.params.channel === where && (threadTs === undefined || call.params.thread_ts === threadTs),
      10_000,
    );
  const logged = (text: string) => waitUntil(() => t.logs.some((line) => line.includes(text)));

  it("answers a mention in the channel in a thread under it, for everyone, with citations and feedback buttons", async () => {
    const asked = await t.slack.userMessage({
      user: PEOPLE.staff.id,
      channel,
      text: `<@${bot}> will the Board let CCGs decide for themselves?`,
    });
    expect(asked.deliveries.map((d) => [d.payload.event, d.status])).toEqual([
      [expect.objectContaining({ type: "app_mention", ts: asked.message.ts }), 200],
    ]);
    const reply = await replyIn(channel, asked.message.ts);
    const shown = readable(reply.params);
    expect(shown).toContain("will the Board let CCGs decide for themselves?");
    expect(shown).toMatch(/Objective \d: /);
    expect(shown).toContain("Source: ");
    expect(shown).toContain('"type":"feedback_buttons"');
    expect(shown).not.toContain("Share in channel");
    expect(t.standin.threadReplies(channel, asked.message.ts)).toHaveLength(1);
    expect(t.standin.ephemeralsFor(PEOPLE.staff.id)).toHaveLength(0);

    const recorded = await questionRecorded("will the Board let CCGs decide for themselves?");
    expect(recorded).toMatchObject({ userId: PEOPLE.staff.id, channelId: channel, answered: true });
  });

  it("answers a mention inside a thread in that thread, and says plainly when it does not know", async () => {
    const root = t.standin.workspace.postAsUser(channel, PEOPLE.colleague.id, "Anyone know about the car park?");
    const asked = await t.slack.userMessage({
      user: PEOPLE.colleague.id,
      channel,
      thread_ts: root.ts,
      text: `what is the wifi password for the meeting room <@${bot}>?`,
    });
    const reply = await replyIn(channel, root.ts);
    expect(reply.params.thread_ts).toBe(root.ts);
    expect(asked.message.ts).not.toBe(root.ts);
    const shown = readable(reply.params);
    expect(shown).toContain("I don't know");
    expect(shown).toContain('"type":"feedback_buttons"');
  });

  it("shows how to ask, only to the person, when a mention has no question; a number shows one objective", async () => {
    const bare = await t.slack.userMessage({ user: PEOPLE.lead.id, channel, text: `<@${bot}>` });
    const usage = await t.standin.waitForCall("chat.postEphemeral", (call) => call.params.user === PEOPLE.lead.id);
    expect(usage.params.thread_ts).toBe(bare.message.ts);
    expect(readable(usage.params)).toContain("will the Board let CCGs decide for themselves?");
    expect(postsIn(channel, bare.message.ts)).toHaveLength(0);

    const numbered = await t.slack.userMessage({ user: PEOPLE.lead.id, channel, text: `<@${bot}> 3` });
    expect(readable((await replyIn(channel, numbered.message.ts)).params)).toContain("Objective 3.");
  });

  it("answers a retried delivery, and a duplicate with a new event id, once", async () => {
    const asked = await t.slack.userMessage({
      user: PEOPLE.staff.id,
      channel,
      text: `<@${bot}> what is assumed liberty?`,
    });
    const [first] = asked.deliveries;
    if (!first) throw new Error("no delivery");
    const event = first.payload.event as { type: string };
    const eventId = String(first.payload.event_id);
    const retries = await Promise.all([
      t.slack.event(event, { eventId, retry: { num: 1, reason: "http_timeout" } }),
      t.slack.event(event, { eventId, retry: { num: 2, reason: "http_timeout" } }),
      t.slack.event(event),
    ]);
    expect(retries.map((r) => r.status)).toEqual([200, 200, 200]);
    await replyIn(channel, asked.message.ts);
    // Slack's retries carry the first delivery's event id and stop at the front door; the duplicate
    // with a new id reaches the bot, which finds the message already claimed.
    await waitUntil(
      () =>
        t.logs.filter((line) => line.includes(`Message ${channel}/${asked.message.ts} was already answered`)).length ===
        1,
    );
    expect(postsIn(channel, asked.message.ts)).toHaveLength(1);
  });

  it("does not answer an edit, another app's mention or its own message", async () => {
    const asked = await t.slack.userMessage({
      user: PEOPLE.staff.id,
      channel,
      text: `<@${bot}> who wrote the letter?`,
    });
    await replyIn(channel, asked.message.ts);
    const edited = await t.slack.userEdit({
      user: PEOPLE.staff.id,
      channel,
      ts: asked.message.ts,
      text: `<@${bot}> who wrote the letter, and when?`,
    });
    expect(edited.deliveries.map((d) => (d.payload.event as { edited?: unknown }).edited)).toEqual([
      expect.objectContaining({ user: PEOPLE.staff.id }),
    ]);
    await logged(`Mention ${channel}/${asked.message.ts} not answered: an edit of an earlier message`);

    const fromApp = {
      type: "app_mention",
      bot_id: "B0OTHERAPP",
      text: `<@${bot}> ping`,
      channel,
      ts: "1700000000.000100",
    };
    await t.slack.event(fromApp);
    await logged(`Mention ${channel}/1700000000.000100 not answered: another app's message`);

    const own = { type: "app_mention", user: bot, text: `<@${bot}> echo`, channel, ts: "1700000000.000200" };
    await t.slack.event(own);
    const later = await t.slack.userMessage({ user: PEOPLE.staff.id, channel, text: `<@${bot}> objectives` });
    await replyIn(channel, later.message.ts);
    expect(postsIn(channel, asked.message.ts)).toHaveLength(1);
    expect(postsIn(channel, "1700000000.000100")).toHaveLength(0);
    expect(postsIn(channel, "1700000000.000200")).toHaveLength(0);
  });

  it("takes a direct message as a question, and help, objectives and objectives 2 as after /objectives", async () => {
    const dm = t.standin.workspace.dmWith(PEOPLE.colleague.id).id;
    const ask = async (text: string) => {
      const before = postsIn(dm).length;
      const sent = await t.slack.userMessage({ user: PEOPLE.colleague.id, channel: dm, text });
      expect(sent.deliveries.map((d) => (d.payload.event as { channel_type?: string }).channel_type)).toEqual(["im"]);
      await waitUntil(() => postsIn(dm).length > before);
      const reply = postsIn(dm).at(-1);
      expect(reply?.params.thread_ts).toBeUndefined();
      return readable(reply?.params);
    };
    expect(await ask("when do CCGs get full powers?")).toMatch(/Source: |I don't know/);
    expect(await ask("help")).toContain("objectives 2");
    expect(await ask("objectives")).toContain("4. Developing excellent relationships");
    expect(await ask("objectives 2")).toContain("Objective 2. Establishing the commissioning landscape");
    await questionRecorded("when do CCGs get full powers?");
  });

  it("does not answer a direct message's edit, another app's message or its own", async () => {
    const dm = t.standin.workspace.dmWith(PEOPLE.lead.id).id;
    const sent = await t.slack.userMessage({ user: PEOPLE.lead.id, channel: dm, text: "what does QIPP mean?" });
    await waitUntil(() => postsIn(dm).length === 1);
    await t.slack.userEdit({
      user: PEOPLE.lead.id,
      channel: dm,
      ts: sent.message.ts,
      text: "what does QIPP stand for?",
    });
    await logged("not answered: a message_changed message");
    await t.slack.event({
      type: "message",
      channel: dm,
      channel_type: "im",
      bot_id: "B0OTHER",
      text: "hi",
      ts: "1700000001.000100",
    });
    await logged(`Direct message ${dm}/1700000001.000100 not answered: another app's message`);
    await t.slack.event({
      type: "message",
      channel: dm,
      channel_type: "im",
      user: bot,
      text: "hi",
      ts: "1700000001.000200",
    });
    const later = await t.slack.userMessage({ user: PEOPLE.lead.id, channel: dm, text: "help" });
    await waitUntil(() => postsIn(dm).length === 2);
    expect(readable(postsIn(dm).at(-1)?.params)).toContain("objectives 2");
    expect(later.deliveries).toHaveLength(1);
  });

  async function questionRecorded(question: string) {
    let found: Awaited<ReturnType<typeof t.bot.core.features.objectives.questions.since>>[number] | undefined;
    await waitUntil(async () => {
      found = (await t.bot.core.features.objectives.questions.since(new Date(0))).find(
        (row) => row.question === question,
      );
      return found !== undefined;
    });
    return found;
  }
});

describe("share in channel, once", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(() => t?.close());

  it("posts the answer once however often Share is pressed, and the button becomes Shared", async () => {
    const channel = CHANNELS.commissioning.id;
    await t.slack.slashCommand({
      command: "/objectives",
      text: "what is assumed liberty?",
      user: PEOPLE.staff.id,
      channel,
    });
    const ephemeral = t.standin.ephemeralsFor(PEOPLE.staff.id).at(-1);
    if (!ephemeral) throw new Error("no answer");
    const container = { type: "message" as const, channel, ts: ephemeral.ts, ephemeral: true };
    const presses = await Promise.all(
      [1, 2, 3].map(() => t.slack.blockAction({ user: PEOPLE.staff.id, actionId: "answer_share", container })),
    );
    expect(presses.map((p) => p.status)).toEqual([200, 200, 200]);
    await waitUntil(() => readable(t.standin.ephemeralsFor(PEOPLE.staff.id).at(-1)).includes('"text":"Shared"'));
    await waitUntil(
      () => t.standin.callsTo("response_url").filter((call) => call.params.replace_original === true).length === 3,
    );
    expect(t.standin.messagesIn(channel)).toHaveLength(1);
    expect(readable(t.standin.messagesIn(channel)[0])).toContain(`Shared by <@${PEOPLE.staff.id}>`);

    await t.slack.blockAction({ user: PEOPLE.staff.id, actionId: "answer_helpful", container });
    await waitUntil(() => readable(t.standin.ephemeralsFor(PEOPLE.staff.id).at(-1)).includes("You found this helpful"));
    const after = readable(t.standin.ephemeralsFor(PEOPLE.staff.id).at(-1));
    expect(after).toContain('"text":"Shared"');
    expect(after).not.toContain("Share in channel");
    await t.slack.blockAction({ user: PEOPLE.staff.id, actionId: "answer_shared", container });
    expect(t.standin.messagesIn(channel)).toHaveLength(1);
  });
});

describe("two bot processes on one PostgreSQL database", () => {
  let first: TestBot;
  let second: TestBot;
  beforeAll(async () => {
    first = await startTestBot({ provider: "postgres" });
    second = await startTestBot({ sharedStandin: first.standin, databaseUrl: first.databaseUrl });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it("answer a mention once when Slack delivers it to both (a retry reaching the other process)", async () => {
    const bot = first.standin.workspace.app.botUserId;
    const channel = CHANNELS.commissioning.id;
    const asked = await first.slack.userMessage({
      user: PEOPLE.staff.id,
      channel,
      text: `<@${bot}> who chairs the Board?`,
    });
    const [delivered] = asked.deliveries;
    if (!delivered) throw new Error("no delivery");
    const event = delivered.payload.event as { type: string };
    const eventId = String(delivered.payload.event_id);
    // Retries (the same event id) stop at whichever front door sees them, the first delivery having
    // been recorded in the shared database; duplicates with new ids find the message claimed.
    const resent = await Promise.all([
      second.slack.event(event, { eventId, retry: { num: 1, reason: "http_timeout" } }),
      first.slack.event(event, { eventId, retry: { num: 2, reason: "http_timeout" } }),
      second.slack.event(event),
      first.slack.event(event),
    ]);
    expect(resent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const logs = () => [...first.logs, ...second.logs];
    const posts = () =>
      first.standin
        .callsTo("chat.postMessage")
        .filter((call) => call.params.thread_ts === asked.message.ts && call.response.ok === true);
    // The duplicates are turned away while the first delivery may still be posting its answer.
    await waitUntil(
      () =>
        logs().filter((line) => line.includes(`Message ${channel}/${asked.message.ts} was already answered`)).length ===
          2 && posts().length > 0,
    );
    expect(posts()).toHaveLength(1);
  });
});
