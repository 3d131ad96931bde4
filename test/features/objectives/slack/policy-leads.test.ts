import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../../src/cli/main";
import type { Output } from "../../../../src/cli/output";
import { ManualClock } from "../../../../src/clock";
import { CHANNELS, PEOPLE, readable, startTestBot, type TestBot } from "../../../support/bot";
import { waitUntil } from "../../../support/wait";

const root = path.resolve(import.meta.dirname, "../../../..");
const POLICY_LEADS = "G0POLICYLD";
const UNANSWERABLE = "Which law firm does the CCG use for tender disputes?";
const CLOSE = "which law firm does our CCG use for tender disputes";

/**
 * Ask a policy lead, end to end: a question the bot declines goes to the knowledge owners' channel;
 * an owner answers in a modal; the asker is told; the approved answer is shown first to whoever
 * asks the same or a close question; the owners are reminded when its review date comes (the
 * clock is the test's), and answers move to and from YAML.
 */
describe("ask a policy lead, and approved answers", () => {
  const clock = new ManualClock(new Date("2026-11-26T10:00:00Z"));
  let t: TestBot;
  let bot: string;
  const channel = CHANNELS.commissioning.id;

  beforeAll(async () => {
    t = await startTestBot({ clock, env: { KNOWLEDGE_OWNERS: POLICY_LEADS, KNOWLEDGE_REVIEW_MONTHS: "6" } });
    bot = t.standin.workspace.app.botUserId;
    t.standin.workspace.addChannel({
      id: POLICY_LEADS,
      name: "policy-leads",
      is_private: true,
      members: [PEOPLE.lead.id],
    });
  });
  afterAll(() => t?.close());

  const postsTo = (where: string) => t.standin.callsTo("chat.postMessage").filter((c) => c.params.channel === where);
  const leadsCard = () => t.standin.messagesIn(POLICY_LEADS).at(-1);

  async function mention(user: string, question: string) {
    const asked = await t.slack.userMessage({ user, channel, text: `<@${bot}> ${question}` });
    const reply = await t.standin.waitForCall(
      "chat.postMessage",
      (c) => c.params.thread_ts === asked.message.ts,
      10_000,
    );
    return { ts: String(reply.response.ts), shown: readable(reply.params) };
  }

  async function pressAskPolicyLead(user: string, answerTs: string) {
    await t.slack.blockAction({
      user,
      actionId: "answer_ask_policy_lead",
      container: { type: "message", channel, ts: answerTs },
    });
  }

  async function openAskModal(user: string, answerTs: string) {
    await pressAskPolicyLead(user, answerTs);
    await waitUntil(() => t.standin.openViewsFor(user).at(-1)?.callback_id === "answer_ask_policy_lead_form");
  }

  it("offers a policy lead when the bot declines, and sends the question with who asked", async () => {
    const answer = await mention(PEOPLE.staff.id, UNANSWERABLE);
    expect(answer.shown).toContain("I don't know");
    expect(answer.shown).toContain("Ask a policy lead");
    await openAskModal(PEOPLE.staff.id, answer.ts);
    const sent = await t.slack.viewSubmission({ user: PEOPLE.staff.id });
    expect(sent.effect.kind).toBe("updated");
    expect(readable(t.standin.openViewsFor(PEOPLE.staff.id).at(-1))).toContain("Sent to the policy leads");
    await waitUntil(() => postsTo(POLICY_LEADS).length === 1);
    const card = readable(leadsCard());
    expect(card).toContain("Which law firm does the CCG use");
    expect(card).toContain(`Asked by <@${PEOPLE.staff.id}> in <#${channel}>`);
    expect(card).toContain('"text":"Answer"');

    await pressAskPolicyLead(PEOPLE.colleague.id, answer.ts);
    const again = await t.standin.waitForCall("response_url", (c) => readable(c.params).includes("already sent"));
    expect(again.params.response_type).toBe("ephemeral");
    expect(postsTo(POLICY_LEADS)).toHaveLength(1);
  });

  it("lets only an owner answer; the answer is approved with its author, date and review date, and the asker is told", async () => {
    const card = leadsCard();
    if (!card) throw new Error("no card");
    const container = { type: "message" as const, channel: POLICY_LEADS, ts: card.ts };
    t.standin.workspace.setBotMembership(POLICY_LEADS, true);
    await t.slack
      .blockAction({ user: PEOPLE.colleague.id, actionId: "policy_question_answer", container })
      .catch(() => undefined);

    await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "policy_question_answer", container });
    await waitUntil(() => t.standin.openViewsFor(PEOPLE.lead.id).at(-1)?.callback_id === "policy_answer_form");
    const form = t.standin.openViewsFor(PEOPLE.lead.id).at(-1);
    expect(readable(form)).toContain('"initial_date":"2027-05-26"');

    const tooEarly = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      valuesByBlock: {
        approved_text: {
          text: "Tender disputes go to the legal panel the commissioning support unit retains for its CCGs.",
        },
        approved_review_by: { review_by: "2026-11-20" },
      },
    });
    expect(tooEarly.effect).toMatchObject({
      kind: "errors",
      errors: { approved_review_by: expect.stringMatching(/after today/) },
    });

    const approved = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      valuesByBlock: {
        approved_text: {
          text: "Tender disputes go to the legal panel the commissioning support unit retains for its CCGs.",
        },
        approved_source: { source: "Commissioning support service agreement, 2013" },
        approved_review_by: { review_by: "2027-05-26" },
      },
    });
    expect(approved.effect.kind).toBe("updated");
    const dm = await t.standin.waitForCall("chat.postMessage", (c) => c.params.channel === PEOPLE.staff.id);
    expect(readable(dm.params)).toContain("A policy lead answered your question");
    expect(readable(dm.params)).toContain(`Approved answer by <@${PEOPLE.lead.id}>, 26 November 2026`);
    await waitUntil(() => readable(leadsCard()).includes("Approved answer by"));
    expect(readable(leadsCard())).toContain('"text":"Revise"');

    const refusals = t.standin
      .callsTo("response_url")
      .filter((c) => readable(c.params).includes("Only the workspace's policy leads"));
    expect(refusals).toHaveLength(1);
    expect(
      t.standin.callsTo("views.open").filter((c) => readable(c.params).includes("Approve an answer")),
    ).toHaveLength(1);
  });

  it("shows the approved answer first, marked with its author and date, to anyone asking the same or a close question", async () => {
    const inThread = await mention(PEOPLE.colleague.id, CLOSE);
    expect(inThread.shown).toContain(`Approved answer by <@${PEOPLE.lead.id}>, 26 November 2026`);
    expect(inThread.shown).toContain("legal panel");
    expect(inThread.shown).not.toContain("I don't know");
    expect(inThread.shown.indexOf("Approved answer by")).toBeLessThan(inThread.shown.indexOf("feedback_buttons"));

    const command = await t.slack.slashCommand({ command: "/objectives", text: CLOSE, user: PEOPLE.lead.id, channel });
    expect(readable(command.body)).toContain("Approved answer by");

    const unrelated = await mention(PEOPLE.colleague.id, "what is assumed liberty?");
    expect(unrelated.shown).not.toContain("Approved answer by");
  });

  it("offers a policy lead after Not helpful (only to that person), and on /objectives answers the bot declines", async () => {
    const answer = await mention(PEOPLE.staff.id, "what is assumed liberty?");
    await t.slack.blockAction({
      user: PEOPLE.colleague.id,
      actionId: "answer_feedback_buttons",
      value: "negative",
      container: { type: "message", channel, ts: answer.ts },
    });
    const offer = await t.standin.waitForCall(
      "chat.postEphemeral",
      (c) => c.params.user === PEOPLE.colleague.id && readable(c.params).includes("Ask a policy lead"),
    );
    expect(offer.params.thread_ts).toBeDefined();
    const declined = await t.slack.slashCommand({
      command: "/objectives",
      text: "what is the wifi password for the meeting room?",
      user: PEOPLE.staff.id,
      channel,
    });
    expect(readable(declined.body)).toContain("Ask a policy lead");
    const answered = await t.slack.slashCommand({
      command: "/objectives",
      text: "what is assumed liberty?",
      user: PEOPLE.staff.id,
      channel,
    });
    expect(readable(answered.body)).not.toContain("Ask a policy lead");
  });

  it("sends a question anonymously when the asker chooses not to say, from an answer that only gives the closest passage", async () => {
    const answer = await mention(PEOPLE.colleague.id, "Who pays for the CCG's legal advice on procurement challenges?");
    expect(answer.shown).toContain("The sources don't answer this directly");
    expect(answer.shown).toContain("Ask a policy lead");
    await openAskModal(PEOPLE.colleague.id, answer.ts);
    await t.slack.viewSubmission({
      user: PEOPLE.colleague.id,
      valuesByBlock: { policy_anonymous: { anonymous: ["anonymous"] } },
    });
    await waitUntil(() => postsTo(POLICY_LEADS).length === 2);
    const card = readable(leadsCard());
    expect(card).toContain("Asked by someone who chose not to say");
    expect(card).not.toContain(PEOPLE.colleague.id);
  });

  it("reminds the owners once, in office hours, when the review date comes; withdrawing stops the answer being shown", async () => {
    const job = () => {
      const reviews = t.bot.core.features.objectives.reviewJob;
      if (!reviews) throw new Error("no review job");
      return reviews.runOnce();
    };
    expect(await job()).toBe(0);
    clock.set(new Date("2027-05-26T06:00:00Z"));
    expect(await job()).toBe(0);
    clock.set(new Date("2027-05-26T09:30:00Z"));
    const runs = await Promise.all([job(), job(), job()]);
    expect(runs.reduce((sum, sent) => sum + sent, 0)).toBe(1);
    expect(await job()).toBe(0);
    const reminder = leadsCard();
    expect(readable(reminder)).toContain("An approved answer is due for review");
    expect(readable(reminder)).toContain("Due for review since 26 May 2027");

    if (!reminder) throw new Error("no reminder");
    const container = { type: "message" as const, channel: POLICY_LEADS, ts: reminder.ts };
    await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "approved_answer_withdraw", container });
    await waitUntil(() => readable(leadsCard()).includes("Withdrawn"));
    const after = await mention(PEOPLE.staff.id, CLOSE);
    expect(after.shown).not.toContain("Approved answer by");
    expect(after.shown).toContain("I don't know");
  });

  it("moves approved answers to and from YAML, so they are reviewed like the rest of the knowledge base", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "approved-")), "approved-answers.yaml");
    writeFileSync(
      file,
      [
        "answers:",
        `  - workspace: ${t.standin.workspace.team.id}`,
        "    question: When does our CCG get its full powers?",
        "    answer: From 1 April 2013, once authorised by the Board.",
        "    source: NHS CB authorisation guidance",
        `    author: { id: ${PEOPLE.lead.id}, name: Helen Ward }`,
        "    approved: 2027-05-20",
        "    reviewBy: 2028-05-20",
      ].join("\n"),
    );
    expect((await cli(["answers", "import", "--file", file])).out).toContain("1 added, 0 updated");
    clock.advance(30_000); // another process's change reaches the running bot within 30 seconds
    expect((await mention(PEOPLE.staff.id, "when do our CCGs get full powers?")).shown).toContain(
      `Approved answer by <@${PEOPLE.lead.id}>, 20 May 2027`,
    );

    const exported = await cli(["answers", "export", "--file", file]);
    expect(exported.out).toContain("Wrote 1 approved answer");
    const yaml = readFileSync(file, "utf8");
    expect(yaml).toContain("question: When does our CCG get its full powers?");
    expect(yaml).toMatch(/id: [0-9a-f-]{36}/);
    expect(yaml).not.toContain("legal panel");

    writeFileSync(file, yaml.replace("once authorised by the Board.", "once the Board has authorised it."));
    expect((await cli(["answers", "import", "--file", file])).out).toContain("0 added, 1 updated");
    clock.advance(30_000);
    expect((await mention(PEOPLE.colleague.id, "When does our CCG get its full powers?")).shown).toContain(
      "once the Board has authorised it.",
    );

    writeFileSync(file, "answers:\n  - workspace: nope\n    question: x\n");
    const refused = await cli(["answers", "import", "--file", file]);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain("answers.0.workspace: should be a Slack workspace id");
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

describe("policy leads named by a user group", () => {
  let t: TestBot;
  const GROUP = "S0POLICYLD";
  beforeAll(async () => {
    t = await startTestBot({
      env: { KNOWLEDGE_OWNERS: GROUP },
      standin: {
        seed: {
          users: Object.values(PEOPLE),
          channels: [{ ...CHANNELS.commissioning, members: [PEOPLE.staff.id, PEOPLE.colleague.id, PEOPLE.lead.id] }],
          usergroups: [{ id: GROUP, handle: "policy-leads", users: [PEOPLE.lead.id, PEOPLE.colleague.id] }],
        },
      },
    });
  });
  afterAll(() => t?.close());

  it("asks each member by direct message, and only members may answer", async () => {
    const bot = t.standin.workspace.app.botUserId;
    const channel = CHANNELS.commissioning.id;
    const asked = await t.slack.userMessage({ user: PEOPLE.staff.id, channel, text: `<@${bot}> ${UNANSWERABLE}` });
    const answer = await t.standin.waitForCall("chat.postMessage", (c) => c.params.thread_ts === asked.message.ts);
    await t.slack.blockAction({
      user: PEOPLE.staff.id,
      actionId: "answer_ask_policy_lead",
      container: { type: "message", channel, ts: String(answer.response.ts) },
    });
    await waitUntil(() => t.standin.openViewsFor(PEOPLE.staff.id).length === 1);
    expect(readable(t.standin.openViewsFor(PEOPLE.staff.id)[0])).toContain(`<!subteam^${GROUP}>`);
    await t.slack.viewSubmission({ user: PEOPLE.staff.id });
    const cards = () =>
      t.standin
        .callsTo("chat.postMessage")
        .filter((c) => readable(c.params).includes("Question for a policy lead") && c.response.ok === true);
    await waitUntil(() => cards().length === 2);
    expect(
      cards()
        .map((c) => c.params.channel)
        .sort(),
    ).toEqual([PEOPLE.colleague.id, PEOPLE.lead.id].sort());

    const card = cards()[0];
    const container = {
      type: "message" as const,
      channel: String(card?.response.channel),
      ts: String(card?.response.ts),
    };
    // Someone outside the group (were the card forwarded to them) is refused.
    await t.slack.blockAction({ user: PEOPLE.staff.id, actionId: "policy_question_answer", container });
    await t.standin.waitForCall("response_url", (c) =>
      readable(c.params).includes("Only the workspace's policy leads"),
    );
    await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "policy_question_answer", container });
    await waitUntil(() => t.standin.openViewsFor(PEOPLE.lead.id).at(-1)?.callback_id === "policy_answer_form");
    expect(t.standin.openViewsFor(PEOPLE.staff.id)).toHaveLength(1);
  });
});

describe("review reminders where the workspace has no policy leads", () => {
  const clock = new ManualClock(new Date("2027-05-26T09:30:00Z"));
  const ADMIN = { id: "U0ADMIN01", name: "ruth.mills", real_name: "Ruth Mills", is_admin: true } as const;
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ clock });
    t.standin.workspace.addUser(ADMIN);
    t.standin.workspace.addChannel({
      id: POLICY_LEADS,
      name: "policy-leads",
      is_private: true,
      members: [PEOPLE.lead.id],
    });
    t.standin.workspace.setBotMembership(POLICY_LEADS, true);
  });
  afterAll(() => t?.close());

  const job = () => {
    const reviews = t.bot.core.features.objectives.reviewJob;
    if (!reviews) throw new Error("no review job");
    return reviews.runOnce();
  };

  /** Every claim of a reminder, as the database saw it (a claim given back leaves no row behind). */
  async function countClaims() {
    const { db } = t.bot.core.database;
    await db.$executeRawUnsafe('CREATE TABLE "ClaimsSeen" ("answerId" TEXT NOT NULL)');
    await db.$executeRawUnsafe(
      'CREATE TRIGGER "ClaimSeen" AFTER INSERT ON "ApprovedAnswerReminder" BEGIN INSERT INTO "ClaimsSeen" VALUES (NEW."answerId"); END',
    );
    return async () => {
      const rows = await db.$queryRawUnsafe<{ claims: unknown }[]>('SELECT COUNT(*) AS "claims" FROM "ClaimsSeen"');
      return Number(rows[0]?.claims);
    };
  }

  async function choosePolicyLeadsChannel() {
    const published = t.standin.callsTo("views.publish").length;
    await t.slack.appHomeOpened(ADMIN.id);
    await waitUntil(() => t.standin.callsTo("views.publish").length > published);
    const home = t.standin.homeViewOf(ADMIN.id);
    if (!home) throw new Error("no App Home");
    await t.slack.blockAction({
      user: ADMIN.id,
      actionId: "settings_open",
      container: { type: "view", viewId: home.id },
    });
    await waitUntil(() => t.standin.openViewsFor(ADMIN.id).at(-1)?.callback_id === "workspace_settings");
    const form = t.standin.openViewsFor(ADMIN.id).at(-1);
    if (!form) throw new Error("no Settings modal");
    const updates = t.standin.callsTo("views.update").length;
    const choice = "settings_knowledge_owners";
    await t.slack.blockAction({
      user: ADMIN.id,
      actionId: choice,
      value: "channel",
      container: { type: "view", viewId: form.id },
    });
    await waitUntil(() => t.standin.callsTo("views.update").length > updates);
    const saved = await t.slack.viewSubmission({
      user: ADMIN.id,
      viewId: form.id,
      valuesByBlock: {
        [choice]: { [choice]: "channel" },
        settings_knowledge_owners_channel: { settings_knowledge_owners_channel: POLICY_LEADS },
      },
    });
    expect(saved.effect.kind).toBe("updated");
  }

  it("claims no reminder while nobody is there to remind, and reminds once the admins choose policy leads", async () => {
    const workspaceId = t.standin.workspace.team.id;
    await t.bot.core.features.objectives.approvedAnswers.save(
      {
        id: randomUUID(),
        workspaceId,
        question: UNANSWERABLE,
        answer: "Tender disputes go to the legal panel the commissioning support unit retains.",
        source: null,
        authorId: PEOPLE.lead.id,
        authorName: "Helen Ward",
        approvedAt: new Date("2026-11-26T10:00:00Z"),
        reviewBy: "2027-05-26",
      },
      clock.now(),
    );
    const claims = await countClaims();
    expect(await job()).toBe(0);
    expect(await job()).toBe(0);
    expect(await claims()).toBe(0);

    await choosePolicyLeadsChannel();
    expect(await job()).toBe(1);
    expect(await job()).toBe(0);
    expect(await claims()).toBe(1);
    expect(readable(t.standin.messagesIn(POLICY_LEADS).at(-1))).toContain("An approved answer is due for review");
  });
});
