import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../../src/cli/main";
import type { Output } from "../../../../src/cli/output";
import { CHANNELS, PEOPLE, readable, startTestBot, type TestBot } from "../../../support/bot";
import { waitUntil } from "../../../support/wait";

const root = path.resolve(import.meta.dirname, "../../../..");

/** The feedback buttons Slack draws under a thread answer, the short "Not helpful" modal, and the report. */
describe("feedback on answers", () => {
  let t: TestBot;
  let bot: string;
  beforeAll(async () => {
    t = await startTestBot();
    bot = t.standin.workspace.app.botUserId;
  });
  afterAll(() => t?.close());

  const channel = CHANNELS.commissioning.id;
  const objectives = () => t.bot.core.features.objectives;

  async function threadAnswer(question: string) {
    const asked = await t.slack.userMessage({ user: PEOPLE.staff.id, channel, text: `<@${bot}> ${question}` });
    const reply = await t.standin.waitForCall("chat.postMessage", (call) => call.params.thread_ts === asked.message.ts);
    return { channel, ts: String(reply.response.ts) };
  }

  async function rows(question: string) {
    return (await objectives().questions.since(new Date(0))).filter((row) => row.question === question);
  }

  it("counts a thumbs up as a vote, and asks nothing more", async () => {
    const answer = await threadAnswer("what is assumed liberty?");
    const modalsBefore = t.standin.callsTo("views.open").length;
    await t.slack.blockAction({
      user: PEOPLE.colleague.id,
      actionId: "answer_feedback_buttons",
      value: "positive",
      container: { type: "message", ...answer },
    });
    await waitUntil(async () => (await rows("what is assumed liberty?"))[0]?.helpfulVotes === 1);
    expect(t.standin.callsTo("views.open")).toHaveLength(modalsBefore);
  });

  it("asks why after a thumbs down, in one short modal, and keeps the reason with the question", async () => {
    const question = "who decides the QIPP savings target?";
    const answer = await threadAnswer(question);
    await t.slack.blockAction({
      user: PEOPLE.lead.id,
      actionId: "answer_feedback_buttons",
      value: "negative",
      container: { type: "message", ...answer },
    });
    await t.standin.waitForCall("views.open", (call) => readable(call.params).includes(question));
    const [modal] = t.standin.openViewsFor(PEOPLE.lead.id);
    expect(readable(modal)).toContain("It's wrong or out of date");
    expect(modal?.blocks.filter((block) => block.type === "input").every((block) => block.optional === true)).toBe(
      true,
    );
    await waitUntil(async () => (await rows(question))[0]?.notHelpfulVotes === 1);

    const submitted = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      valuesByBlock: {
        feedback_reason: { reason: "wrong_or_out_of_date" },
        feedback_note: { note: "It quotes 2012 guidance; the 2013 mandate changed this." },
      },
    });
    expect(submitted.effect.kind).toBe("closed");
    let reasons = await objectives().feedbackReasons.forQuestions([(await rows(question))[0]?.id ?? ""]);
    await waitUntil(async () => {
      reasons = await objectives().feedbackReasons.forQuestions([(await rows(question))[0]?.id ?? ""]);
      return reasons.length === 1;
    });
    expect(reasons[0]).toMatchObject({
      userId: PEOPLE.lead.id,
      reason: "wrong_or_out_of_date",
      note: "It quotes 2012 guidance; the 2013 mandate changed this.",
    });

    const report = await cli(["questions", "--unanswered"]);
    expect(report.out).toContain(question);
    expect(report.out).toContain(
      `why (${PEOPLE.lead.id}): It's wrong or out of date: "It quotes 2012 guidance; the 2013 mandate changed this."`,
    );
    const json = JSON.parse((await cli(["questions", "--unanswered", "--json"])).out) as {
      question: string;
      reasons: unknown[];
    }[];
    expect(json.find((row) => row.question === question)?.reasons).toEqual([
      expect.objectContaining({ reason: "wrong_or_out_of_date", user: PEOPLE.lead.id }),
    ]);
  });

  it("asks why after Not helpful on an /objectives answer too; an empty modal stores nothing", async () => {
    const question = "does the Board set our CCG's running costs?";
    await t.slack.slashCommand({ command: "/objectives", text: question, user: PEOPLE.colleague.id, channel });
    const ephemeral = t.standin.ephemeralsFor(PEOPLE.colleague.id).at(-1);
    if (!ephemeral) throw new Error("no answer");
    await t.slack.blockAction({
      user: PEOPLE.colleague.id,
      actionId: "answer_not_helpful",
      container: { type: "message", channel, ts: ephemeral.ts, ephemeral: true },
    });
    await t.standin.waitForCall("views.open", (call) => readable(call.params).includes("running costs"));
    await waitUntil(() => readable(t.standin.ephemeralsFor(PEOPLE.colleague.id).at(-1)).includes("not helpful"));
    const submitted = await t.slack.viewSubmission({ user: PEOPLE.colleague.id });
    expect(submitted.effect.kind).toBe("closed");
    const id = (await rows(question))[0]?.id ?? "";
    expect(await objectives().feedbackReasons.forQuestions([id])).toEqual([]);
    expect((await cli(["questions", "--unanswered"])).out).toContain(question);
  });

  async function cli(args: string[]) {
    const out: string[] = [];
    const output: Output = { out: (text) => out.push(text), err: (text) => out.push(text) };
    const code = await runCli(args, output, {
      DATABASE_URL: t.databaseUrl,
      KNOWLEDGE_DIR: path.join(root, "knowledge"),
    });
    return { code, out: out.join("\n") };
  }
});
