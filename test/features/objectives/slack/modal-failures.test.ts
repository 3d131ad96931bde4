import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, PEOPLE, readable, startTestBot, type TestBot } from "../../../support/bot";

const POLICY_LEADS = "G0POLICYLD";
const channel = CHANNELS.commissioning.id;

/** The objectives' forms (Ask a policy lead, why an answer was not helpful) when Slack cannot open them. */
describe("an objectives form that cannot open tells the person who pressed the button why", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ env: { KNOWLEDGE_OWNERS: POLICY_LEADS } });
    t.standin.workspace.addChannel({
      id: POLICY_LEADS,
      name: "policy-leads",
      is_private: true,
      members: [PEOPLE.lead.id],
    });
  });
  afterAll(() => t?.close());

  async function mention(question: string) {
    const bot = t.standin.workspace.app.botUserId;
    const asked = await t.slack.userMessage({ user: PEOPLE.staff.id, channel, text: `<@${bot}> ${question}` });
    const reply = await t.standin.waitForCall(
      "chat.postMessage",
      (c) => c.params.thread_ts === asked.message.ts,
      10_000,
    );
    return String(reply.response.ts);
  }

  it("Ask a policy lead, when the trigger has expired: told how to try again, and views.open tried once", async () => {
    const answerTs = await mention("Which law firm does the CCG use for tender disputes?");
    const before = t.standin.callsTo("views.open").length;
    t.standin.failNext("views.open", { error: "expired_trigger_id" });
    await t.slack.blockAction({
      user: PEOPLE.staff.id,
      actionId: "answer_ask_policy_lead",
      container: { type: "message", channel, ts: answerTs },
    });
    const told = await t.standin.waitForCall("response_url", (c) => readable(c.params).includes("could not open"));
    expect(told.params.response_type).toBe("ephemeral");
    expect(readable(told.params)).toContain("within 3 seconds");
    expect(readable(told.params)).toContain("Ask a policy lead again");
    expect(t.standin.callsTo("views.open")).toHaveLength(before + 1);
  });

  it("Not helpful under a thread answer, when Slack answers 500: told in the channel, only to them", async () => {
    const answerTs = await mention("what is assumed liberty?");
    t.standin.failNext("views.open", { status: 500 });
    await t.slack.blockAction({
      user: PEOPLE.colleague.id,
      actionId: "answer_feedback_buttons",
      value: "negative",
      container: { type: "message", channel, ts: answerTs },
    });
    const told = await t.standin.waitForCall(
      "chat.postEphemeral",
      (c) => c.params.user === PEOPLE.colleague.id && readable(c.params).includes("could not open"),
    );
    expect(readable(told.params)).toContain("Slack had a problem on its side");
    expect(readable(told.params)).toContain("Not helpful again");
  });
});
