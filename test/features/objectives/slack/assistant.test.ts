import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, PEOPLE, readable, startTestBot, type TestBot } from "../../../support/bot";
import { waitUntil } from "../../../support/wait";

/** The assistant panel through the real receiver: assistant_thread_started, context changes and questions in its thread. */
describe("the assistant panel", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(() => t?.close());

  const logged = (text: string) => waitUntil(() => t.logs.some((line) => line.includes(text)));

  it("greets a new thread once and suggests prompts", async () => {
    const opened = await t.slack.assistantThreadStarted({ user: PEOPLE.staff.id, viewing: CHANNELS.commissioning.id });
    const { thread } = opened;
    const greeting = await t.standin.waitForCall(
      "chat.postMessage",
      (c) => c.params.channel === thread.channel && c.params.thread_ts === thread.thread_ts,
    );
    expect(readable(greeting.params)).toContain("I quote my sources");
    await waitUntil(() => thread.suggested_prompts.length === 3);
    expect(thread.suggested_prompts.map((p) => p.message)).toEqual([
      "What is assumed liberty?",
      "Will the Board let CCGs decide for themselves?",
      "When do CCGs get full powers?",
    ]);

    const event = opened.delivery?.payload.event as { type: string };
    const retried = await t.slack.event(event, {
      eventId: String(opened.delivery?.payload.event_id),
      retry: { num: 1, reason: "http_timeout" },
    });
    expect(retried.status).toBe(200);
    await t.slack.event(event); // the same thread started again, under a new event id
    await logged(`Assistant thread ${thread.channel}/${thread.thread_ts} was already greeted`);
    expect(t.standin.callsTo("assistant.threads.setSuggestedPrompts")).toHaveLength(1);

    await t.slack.assistantContextChanged({ user: PEOPLE.staff.id, thread });
    await logged(`Assistant thread ${thread.channel}/${thread.thread_ts} moved`);
    expect(t.standin.threadReplies(thread.channel, thread.thread_ts)).toHaveLength(1);
  });

  it("shows a status while it searches, titles the thread, and answers in it with citations", async () => {
    const { thread } = await t.slack.assistantThreadStarted({ user: PEOPLE.colleague.id });
    await waitUntil(() => thread.suggested_prompts.length === 3);
    const asked = await t.slack.userMessage({
      user: PEOPLE.colleague.id,
      channel: thread.channel,
      thread_ts: thread.thread_ts,
      text: "Will the Board let CCGs decide for themselves?",
    });
    const answer = await t.standin.waitForCall(
      "chat.postMessage",
      (c) => c.params.thread_ts === thread.thread_ts && readable(c.params).includes("Question:"),
    );
    const status = t.standin
      .callsTo("assistant.threads.setStatus")
      .find((c) => c.params.thread_ts === thread.thread_ts);
    expect(status?.params.status).toBe("is searching the knowledge base…");
    expect(status?.seq).toBeLessThan(answer.seq);
    expect(readable(answer.params)).toContain("Source: ");
    expect(readable(answer.params)).toContain('"type":"feedback_buttons"');
    await waitUntil(() => thread.title === "Will the Board let CCGs decide for themselves?");
    expect(thread.status).toBe("");
    expect(asked.deliveries).toHaveLength(1);
  });

  it("still answers a reply in a DM thread where there is no assistant panel", async () => {
    const dm = t.standin.workspace.dmWith(PEOPLE.lead.id).id;
    const first = await t.slack.userMessage({ user: PEOPLE.lead.id, channel: dm, text: "objectives" });
    await waitUntil(() => t.standin.callsTo("chat.postMessage").some((c) => c.params.channel === dm));
    await t.slack.userMessage({
      user: PEOPLE.lead.id,
      channel: dm,
      thread_ts: first.message.ts,
      text: "what is assumed liberty?",
    });
    const answer = await t.standin.waitForCall(
      "chat.postMessage",
      (c) => c.params.channel === dm && c.params.thread_ts === first.message.ts,
    );
    expect(readable(answer.params)).toContain("assumed liberty");
    await logged(`No assistant status in ${dm}/${first.message.ts}`);
    const refused = t.standin
      .callsTo("assistant.threads.setStatus")
      .filter((c) => c.params.thread_ts === first.message.ts);
    expect(refused.map((c) => c.response.error)).toEqual(["invalid_thread_ts"]);
  });
});
