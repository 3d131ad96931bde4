import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SlackDelivery, SlackStandin } from "../src/index";
import { fixtureJson, seededStandin, slackError, startCapture } from "./helpers";

const SECRET = "test-signing-secret";
let standin: SlackStandin;
let capture: Awaited<ReturnType<typeof startCapture>>;
let delivery: SlackDelivery;
let people: Awaited<ReturnType<typeof seededStandin>>;

beforeEach(async () => {
  people = await seededStandin();
  standin = people.standin;
  capture = await startCapture();
  delivery = standin.delivery(capture.url, SECRET);
});
afterEach(async () => {
  await standin.close();
  await capture.close();
});

const events = () => capture.requests.map((r) => (JSON.parse(r.body) as { event: Record<string, unknown> }).event);
const bot = () => standin.workspace.app.botUserId;

describe("what people write, delivered as Slack delivers it", () => {
  it("a mention in a channel the bot is in: stored, and an app_mention with the message's ts", async () => {
    const sent = await delivery.userMessage({
      user: people.alice.id,
      channel: people.general.id,
      text: `<@${bot()}> can the Board overrule us?`,
    });
    expect(standin.messagesIn(people.general.id)).toEqual([expect.objectContaining({ ts: sent.message.ts })]);
    expect(events()).toEqual([
      expect.objectContaining({
        type: "app_mention",
        user: people.alice.id,
        ts: sent.message.ts,
        event_ts: sent.message.ts,
        channel: people.general.id,
        client_msg_id: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(events()[0]?.blocks)).toContain(`"user_id":"${bot()}"`);
  });

  it("a thread reply carries thread_ts and parent_user_id; a message without a mention reaches no one", async () => {
    const root = standin.workspace.postAsUser(people.general.id, people.bob.id, "Budget question");
    await delivery.userMessage({ user: people.alice.id, channel: people.general.id, text: "just chatting" });
    await delivery.userMessage({
      user: people.alice.id,
      channel: people.general.id,
      thread_ts: root.ts,
      text: `<@${bot()}> and the QIPP target?`,
    });
    expect(events()).toEqual([
      expect.objectContaining({ type: "app_mention", thread_ts: root.ts, parent_user_id: people.bob.id }),
    ]);
    expect(standin.threadReplies(people.general.id, root.ts)).toHaveLength(1);
  });

  it("no app_mention where the bot is not a member", async () => {
    const other = standin.workspace.addChannel({ name: "no-bot", members: [people.alice.id], botIsMember: false });
    const sent = await delivery.userMessage({ user: people.alice.id, channel: other.id, text: `<@${bot()}> hello?` });
    expect(sent.deliveries).toEqual([]);
  });

  it("a message in the app's DM is a message.im event with channel_type im; only what the app subscribed to is sent", async () => {
    const dm = standin.workspace.dmWith(people.alice.id);
    await delivery.userMessage({ user: people.alice.id, channel: dm.id, text: "help" });
    expect(events()).toEqual([expect.objectContaining({ type: "message", channel: dm.id, channel_type: "im" })]);
    const mentionsOnly = standin.delivery(capture.url, SECRET, undefined, { subscriptions: ["app_mention"] });
    const quiet = await mentionsOnly.userMessage({ user: people.alice.id, channel: dm.id, text: "anyone?" });
    expect(quiet.deliveries).toEqual([]);
  });

  it("an edit: a hidden message_changed in the DM, and the app_mention again with `edited` in a channel", async () => {
    const dm = standin.workspace.dmWith(people.alice.id);
    const first = await delivery.userMessage({ user: people.alice.id, channel: dm.id, text: "whot is QIPP" });
    await delivery.userEdit({ user: people.alice.id, channel: dm.id, ts: first.message.ts, text: "what is QIPP" });
    const mention = await delivery.userMessage({
      user: people.alice.id,
      channel: people.general.id,
      text: `<@${bot()}> hi`,
    });
    await delivery.userEdit({
      user: people.alice.id,
      channel: people.general.id,
      ts: mention.message.ts,
      text: `<@${bot()}> hello`,
    });
    const [, changed, , remention] = events();
    expect(changed).toMatchObject({
      type: "message",
      subtype: "message_changed",
      hidden: true,
      channel_type: "im",
      message: { text: "what is QIPP", edited: { user: people.alice.id } },
      previous_message: { text: "whot is QIPP" },
    });
    expect(remention).toMatchObject({
      type: "app_mention",
      ts: mention.message.ts,
      text: `<@${bot()}> hello`,
      edited: { user: people.alice.id },
    });
    expect(standin.messagesIn(people.general.id).at(-1)?.edited).toBeDefined();
  });
});

describe("the assistant panel", () => {
  it("opens a thread in the app's DM and says so with assistant_thread_started and the channel in view", async () => {
    const opened = await delivery.assistantThreadStarted({ user: people.alice.id, viewing: people.general.id });
    const dm = standin.workspace.dmWith(people.alice.id);
    expect(events()).toEqual([
      expect.objectContaining({
        type: "assistant_thread_started",
        assistant_thread: {
          user_id: people.alice.id,
          context: { channel_id: people.general.id, team_id: standin.workspace.team.id, enterprise_id: null },
          channel_id: dm.id,
          thread_ts: opened.thread.thread_ts,
        },
      }),
    ]);
    expect(standin.messagesIn(dm.id)[0]).toMatchObject({ subtype: "assistant_app_thread" });
    await delivery.assistantContextChanged({ user: people.alice.id, thread: opened.thread });
    expect(events()[1]).toMatchObject({
      type: "assistant_thread_context_changed",
      assistant_thread: { context: { team_id: standin.workspace.team.id } },
    });
  });

  it("keeps the status, prompts and title the app sets; a reply in the thread clears the status", async () => {
    const { thread } = await delivery.assistantThreadStarted({ user: people.alice.id });
    const thread_ts = thread.thread_ts;
    const channel_id = thread.channel;
    await people.client.assistant.threads.setSuggestedPrompts({
      channel_id,
      thread_ts,
      title: "Try asking",
      prompts: [{ title: "Assumed liberty", message: "What is assumed liberty?" }],
    });
    await people.client.assistant.threads.setTitle({ channel_id, thread_ts, title: "Assumed liberty" });
    await people.client.assistant.threads.setStatus({ channel_id, thread_ts, status: "is searching…" });
    expect(thread).toMatchObject({
      status: "is searching…",
      title: "Assumed liberty",
      prompts_title: "Try asking",
      suggested_prompts: [{ title: "Assumed liberty", message: "What is assumed liberty?" }],
    });
    await people.client.chat.postMessage({ channel: channel_id, thread_ts, text: "An answer" });
    expect(thread.status).toBe("");
  });

  it("refuses threads that do not exist and more than four prompts", async () => {
    const { thread } = await delivery.assistantThreadStarted({ user: people.alice.id });
    const client = people.client;
    expect(
      await slackError(
        client.assistant.threads.setStatus({ channel_id: thread.channel, thread_ts: "1.2", status: "x" }),
      ),
    ).toBe("invalid_thread_ts");
    expect(
      await slackError(
        client.assistant.threads.setTitle({ channel_id: "C0NOWHERE", thread_ts: thread.thread_ts, title: "x" }),
      ),
    ).toBe("channel_not_found");
    const prompts = Array.from({ length: 5 }, (_, n) => ({ title: `P${n}`, message: `Prompt ${n}` }));
    expect(
      await slackError(
        client.assistant.threads.setSuggestedPrompts({
          channel_id: thread.channel,
          thread_ts: thread.thread_ts,
          prompts,
        }),
      ),
    ).toBe("invalid_arguments");
  });
});

describe("feedback buttons", () => {
  const feedback = {
    type: "context_actions",
    elements: [
      {
        type: "feedback_buttons",
        action_id: "rate",
        positive_button: { text: { type: "plain_text", text: "Helpful" }, value: "yes:1" },
        negative_button: { text: { type: "plain_text", text: "Not helpful" }, value: "no:1" },
      },
    ],
  };

  it("are checked as Slack checks a context_actions block", async () => {
    const tooMany = { ...feedback, elements: Array.from({ length: 6 }, () => feedback.elements[0]) };
    expect(
      await slackError(people.client.chat.postMessage({ channel: people.general.id, text: "x", blocks: [tooMany] })),
    ).toBe("invalid_blocks");
    const noValue = {
      ...feedback,
      elements: [{ ...feedback.elements[0], negative_button: { text: { type: "plain_text", text: "No" } } }],
    };
    expect(
      await slackError(people.client.chat.postMessage({ channel: people.general.id, text: "x", blocks: [noValue] })),
    ).toBe("invalid_blocks");
  });

  it("send the pressed button's value in block_actions", async () => {
    const posted = await people.client.chat.postMessage({
      channel: people.general.id,
      text: "An answer",
      blocks: [feedback],
    });
    const container = { type: "message" as const, channel: people.general.id, ts: String(posted.ts) };
    await delivery.blockAction({ user: people.bob.id, actionId: "rate", value: "negative", container });
    const payload = JSON.parse(new URLSearchParams(capture.requests.at(-1)?.body).get("payload") ?? "{}");
    expect(payload.actions).toEqual([
      expect.objectContaining({
        type: "feedback_buttons",
        action_id: "rate",
        value: "no:1",
        text: { type: "plain_text", text: "Not helpful" },
      }),
    ]);
  });
});

describe("inviting the app", () => {
  it("/invite adds the bot to a channel, shows that it joined, and mentions there then reach it", async () => {
    const quiet = standin.workspace.addChannel({ name: "quiet", members: [people.alice.id], botIsMember: false });
    const before = await delivery.userMessage({ user: people.alice.id, channel: quiet.id, text: `<@${bot()}> hi` });
    expect(before.deliveries).toEqual([]);
    const joined = standin.workspace.inviteBot(quiet.id, people.alice.id);
    expect(joined).toMatchObject({ subtype: "channel_join", user: bot() });
    expect(joined.text).toContain(`by <@${people.alice.id}>`);
    expect(() => standin.workspace.inviteBot(quiet.id, people.alice.id)).toThrow(/already in #quiet/);
    expect(() => standin.workspace.inviteBot(quiet.id, people.bob.id)).toThrow(/is not in #quiet/);
    const after = await delivery.userMessage({ user: people.alice.id, channel: quiet.id, text: `<@${bot()}> hi` });
    expect(after.deliveries).toHaveLength(1);
  });
});

describe("in Slack's shapes", () => {
  const keysOf = (value: unknown) => Object.keys(value as object).sort();
  const documented = (name: string) => fixtureJson(`payloads/${name}.event_callback.json`);
  const envelopes = () => capture.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);

  it("delivers a threaded mention, a direct message and an assistant thread with the fields Slack documents", async () => {
    const root = standin.workspace.postAsUser(people.general.id, people.bob.id, "Question on QIPP");
    await delivery.userMessage({
      user: people.alice.id,
      channel: people.general.id,
      thread_ts: root.ts,
      text: `<@${bot()}> hi`,
    });
    await delivery.userMessage({
      user: people.alice.id,
      channel: standin.workspace.dmWith(people.alice.id).id,
      text: "help",
    });
    await delivery.assistantThreadStarted({ user: people.alice.id, viewing: people.general.id });
    const [mention, dm, assistant] = envelopes();
    for (const [sent, name] of [
      [mention, "app_mention"],
      [dm, "message.im"],
      [assistant, "assistant_thread_started"],
    ] as const) {
      const expected = documented(name);
      expect(keysOf(sent), name).toEqual(keysOf(expected));
      expect(keysOf(sent?.event), name).toEqual(keysOf(expected.event));
    }
    expect(keysOf((assistant?.event as { assistant_thread?: unknown } | undefined)?.assistant_thread ?? {})).toEqual(
      keysOf((documented("assistant_thread_started").event as { assistant_thread: unknown }).assistant_thread),
    );
  });
});
