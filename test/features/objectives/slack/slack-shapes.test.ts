import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, PEOPLE, readable, startTestBot, type TestBot } from "../../../support/bot";

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/slack/${name}`, import.meta.url), "utf8");

/** Events exactly as Slack documents them (test/fixtures/slack/), signed and posted to the real receiver. */
describe("events in Slack's own shapes", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(() => t?.close());

  it("answers an app_mention in a thread, in that thread", async () => {
    const sent = await t.slack.send(fixture("app_mention.in-thread.json"), "application/json");
    expect(sent.status).toBe(200);
    const reply = await t.standin.waitForCall("chat.postMessage", (c) => c.params.thread_ts === "1795700001.000100");
    expect(reply.params.channel).toBe(CHANNELS.commissioning.id);
    expect(readable(reply.params)).toContain("procurement decision");
    expect(readable(reply.params)).toContain("feedback_buttons");
  });

  it("answers a message.im direct message in the DM", async () => {
    const dm = t.standin.workspace.dmWith(PEOPLE.colleague.id).id;
    const sent = await t.slack.send(fixture("message.im.json").replaceAll("D0STAFF02", dm), "application/json");
    expect(sent.status).toBe(200);
    const reply = await t.standin.waitForCall("chat.postMessage", (c) => c.params.channel === dm);
    expect(readable(reply.params)).toContain("Objective 2. Establishing the commissioning landscape");
  });

  it("greets a thread opened in the assistant panel and suggests prompts", async () => {
    const dm = t.standin.workspace.dmWith(PEOPLE.lead.id);
    const root = t.standin.context.messages.post({
      channel: dm.id,
      user: PEOPLE.lead.id,
      text: "New chat",
      subtype: "assistant_app_thread",
    });
    t.standin.context.assistantThreads.open({
      channel: dm.id,
      thread_ts: root.ts,
      user: PEOPLE.lead.id,
      context: { channel_id: CHANNELS.commissioning.id, team_id: t.standin.workspace.team.id, enterprise_id: null },
    });
    const body = fixture("assistant_thread_started.json")
      .replaceAll("D0LEAD001", dm.id)
      .replaceAll("1795700303.000400", root.ts);
    expect((await t.slack.send(body, "application/json")).status).toBe(200);
    const prompts = await t.standin.waitForCall(
      "assistant.threads.setSuggestedPrompts",
      (c) => c.params.thread_ts === root.ts,
    );
    expect(prompts.response.ok).toBe(true);
    expect(t.standin.callsTo("chat.postMessage").some((c) => c.params.thread_ts === root.ts)).toBe(true);
  });
});
