import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNELS, PEOPLE, readable, startTestBot, type TestBot } from "../../../support/bot";

describe("/objectives through the real Bolt receiver", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(() => t?.close());

  const objectives = (text: string, channel: string = CHANNELS.commissioning.id, user: string = PEOPLE.staff.id) =>
    t.slack.slashCommand({ command: "/objectives", text, user, channel });

  it("lists the four objectives, the first marked overarching, only to the caller", async () => {
    const reply = await objectives("");
    expect(reply.status).toBe(200);
    expect(reply.effect.kind).toBe("ephemeral");
    const shown = readable(reply.body);
    expect(shown).toContain("1. Transferring power to local organisations");
    expect(shown).toContain("first and overarching");
    expect(shown).toContain("2. Establishing the commissioning landscape");
    expect(shown).toContain("3. Developing specific commissioning and financial management capabilities");
    expect(shown).toContain("4. Developing excellent relationships");
    expect(t.standin.messagesIn(CHANNELS.commissioning.id)).toHaveLength(0);
  });

  it("explains one objective by number or by word, with quotes and their sources", async () => {
    const byNumber = readable((await objectives("3")).body);
    expect(byNumber).toContain("Objective 3. Developing specific commissioning and financial management capabilities");
    expect(byNumber).toContain("What the Department expects");
    expect(byNumber).toContain("What it means for a CCG in practice");

    const byWord = readable((await objectives("finance")).body);
    expect(byWord).toContain("Objective 3.");

    const overarching = readable((await objectives("1")).body);
    expect(overarching).toContain("Key quotes");
    expect(overarching).toMatch(/Source: <https?:\/\/[^|]+\|[^>]+>, [^,]+, \d{1,2} \w+ 2012/);
  });

  it("answers a question with a quoted passage, its objective and its source, and records who asked", async () => {
    const reply = await objectives("what did Lansley say about the autonomy of CCGs?");
    const shown = readable(reply.body);
    expect(reply.effect.kind).toBe("ephemeral");
    expect(shown).toContain("Question:");
    expect(shown).toMatch(/Objective \d: /);
    expect(shown).toMatch(/Source: /);
    expect(shown).toContain("— Andrew Lansley");
    expect(shown).toContain("Share in channel");
    expect(shown).toContain("Not helpful");

    const [recorded] = await waitForQuestions(t, 1, "what did Lansley say about the autonomy of CCGs?");
    expect(recorded).toMatchObject({
      userId: PEOPLE.staff.id,
      channelId: CHANNELS.commissioning.id,
      workspaceId: t.standin.workspace.team.id,
      answered: true,
      objective: 1,
    });
  });

  it("says plainly when the sources don't answer directly, shows the closest passage, and notes the question", async () => {
    const shown = readable((await objectives("can the board overrule our CCG?")).body);
    expect(shown).toContain("The sources don't answer this directly; the closest passage is:");
    expect(shown).toMatch(/Objective 1: /);
    const [recorded] = await waitForQuestions(t, 1, "can the board overrule our CCG?");
    expect(recorded).toMatchObject({ answered: false, objective: 1, passageId: "letter-control-concern" });
    const unanswered = await t.bot.core.features.objectives.questions.unanswered(new Date(0));
    expect(unanswered.map((row) => row.question)).toContain("can the board overrule our CCG?");
  });

  it("says plainly that it doesn't know when nothing is relevant, and never invents", async () => {
    const shown = readable((await objectives("what is the wifi password for the meeting room?")).body);
    expect(shown).toContain("I don't know");
    expect(shown).toContain("The four objectives");
    const [recorded] = await waitForQuestions(t, 1, "what is the wifi password for the meeting room?");
    expect(recorded).toMatchObject({ answered: false, objective: null });
  });

  it("replies to an unknown objective number and an over-long question with a helpful message", async () => {
    expect(readable((await objectives("9")).body)).toContain("numbered 1 to 4");
    expect(readable((await objectives("why ".repeat(200))).body)).toContain("please keep it under 500");
  });

  it("answers in a private channel the bot is not in, through the acknowledgement", async () => {
    const reply = await objectives("assumed liberty", CHANNELS.governance.id);
    expect(reply.effect.kind).toBe("ephemeral");
    expect(
      t.standin.callsTo("chat.postMessage").filter((call) => call.params.channel === CHANNELS.governance.id),
    ).toHaveLength(0);
  });

  it("shares an answer in the channel through its response URL", async () => {
    const reply = await objectives("what did the NHS Alliance say about clinical senates?", CHANNELS.governance.id);
    const ephemeral = t.standin.ephemeralsFor(PEOPLE.staff.id).at(-1);
    expect(ephemeral).toBeDefined();
    const shared = await t.slack.blockAction({
      user: PEOPLE.staff.id,
      actionId: "answer_share",
      container: { type: "message", channel: CHANNELS.governance.id, ts: ephemeral!.ts, ephemeral: true },
    });
    expect(shared.status).toBe(200);
    await expect.poll(() => t.standin.messagesIn(CHANNELS.governance.id).length).toBe(1);
    const posted = readable(t.standin.messagesIn(CHANNELS.governance.id)[0]);
    expect(posted).toContain(`Shared by <@${PEOPLE.staff.id}>`);
    expect(posted).not.toContain("Not helpful");
    expect(reply.status).toBe(200);
  });

  it("stores one vote per person however often they press, and thanks them in place", async () => {
    await objectives("who wrote the letter and when?", CHANNELS.commissioning.id, PEOPLE.colleague.id);
    const ephemeral = t.standin.ephemeralsFor(PEOPLE.colleague.id).at(-1)!;
    const container = {
      type: "message" as const,
      channel: CHANNELS.commissioning.id,
      ts: ephemeral.ts,
      ephemeral: true,
    };
    await Promise.all([
      t.slack.blockAction({ user: PEOPLE.colleague.id, actionId: "answer_not_helpful", container }),
      t.slack.blockAction({ user: PEOPLE.colleague.id, actionId: "answer_not_helpful", container }),
    ]);
    await expect
      .poll(() => readable(t.standin.ephemeralsFor(PEOPLE.colleague.id).at(-1)))
      .toContain("You found this not helpful");
    const rows = await t.bot.core.features.objectives.questions.since(new Date(0));
    const voted = rows.find((row) => row.question === "who wrote the letter and when?");
    expect(voted).toMatchObject({ notHelpfulVotes: 1, helpfulVotes: 0 });
    const unanswered = await t.bot.core.features.objectives.questions.unanswered(new Date(0));
    expect(unanswered.map((row) => row.question)).toContain("who wrote the letter and when?");
  });

  it("refuses a bad signature, a stale timestamp and a malformed body, recording nothing", async () => {
    const before = (await t.bot.core.features.objectives.questions.since(new Date(0))).length;
    const forged = await t.slack.slashCommand(
      { command: "/objectives", text: "forged question", user: PEOPLE.staff.id, channel: CHANNELS.commissioning.id },
      { badSignature: true },
    );
    const stale = await t.slack.slashCommand(
      { command: "/objectives", text: "stale question", user: PEOPLE.staff.id, channel: CHANNELS.commissioning.id },
      { staleTimestamp: true },
    );
    const malformed = await t.slack.send("payload=%7Bnot-json", "application/x-www-form-urlencoded");
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await t.bot.core.features.objectives.questions.since(new Date(0))).length).toBe(before);
  });
});

async function waitForQuestions(t: TestBot, count: number, question: string) {
  let rows: Awaited<ReturnType<typeof t.bot.core.features.objectives.questions.since>> = [];
  await expect
    .poll(async () => {
      rows = (await t.bot.core.features.objectives.questions.since(new Date(0))).filter(
        (row) => row.question === question,
      );
      return rows.length;
    })
    .toBe(count);
  return rows;
}
