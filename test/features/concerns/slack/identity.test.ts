import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "../../../../src/storage/database";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  concernsCommand,
  modalOf,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  stored,
  TRIAGE,
  waitUntil,
} from "./support";

describe("how reporters are identified", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterAll(() => t?.close());

  const post = (text: string) => t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, text);

  it("keeps a confidential reporter's identity for the leads only, and the link only when asked", async () => {
    await raiseFromMessage(t, PEOPLE.staff.id, post("The network told us to merge our planned care team."), {
      identity_mode: "confidential",
    });
    const reference = referenceShownTo(t, PEOPLE.staff.id);
    const detail = await stored(t, Number(reference.slice(4)));
    expect(detail?.concern.reporter).toEqual({
      mode: "confidential",
      userId: PEOPLE.staff.id,
      name: PEOPLE.staff.name,
    });
    expect(detail?.concern.source).toMatchObject({
      text: "The network told us to merge our planned care team.",
      channelId: null,
      ts: null,
      permalink: null,
      author: null,
    });

    await waitUntil(() => Boolean(cardFor(t, reference)));
    const card = readable(cardFor(t, reference));
    expect(card).toContain("Confidential");
    expect(card).not.toContain(PEOPLE.staff.id);
    expect(card).toContain("chose not to keep the link");

    const forLead = await concernsCommand(t, PEOPLE.lead.id, reference);
    expect(forLead.reply).toContain(`Confidential: <@${PEOPLE.staff.id}>`);
    const forOthers = await concernsCommand(t, PEOPLE.colleague.id, reference);
    expect(forOthers.reply).toContain("only concern leads");
    expect(forOthers.reply).not.toContain(PEOPLE.staff.id);

    await raiseFromMessage(t, PEOPLE.staff.id, post("Same again but link me."), {
      identity_mode: "confidential",
      include_link: "include",
    });
    const linked = await stored(t, Number(referenceShownTo(t, PEOPLE.staff.id).slice(4)));
    expect(linked?.concern.source?.permalink).toContain(CHANNELS.commissioning.id);
  });

  it("lets an anonymous reporter follow up with a receipt code shown once, and leads reply without learning who", async () => {
    const { submitted } = await raiseFromMessage(
      t,
      PEOPLE.staff.id,
      post("The Board's regional team rewrote our QIPP plan."),
      { identity_mode: "anonymous" },
    );
    expect(submitted.effect.kind).toBe("updated");
    const confirmation = readable(t.standin.openViewsFor(PEOPLE.staff.id).at(-1)?.blocks);
    const reference = referenceShownTo(t, PEOPLE.staff.id);
    const receipt = /`([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})`/.exec(confirmation)?.[1] ?? "";
    expect(receipt).not.toBe("");
    expect(confirmation).toContain(`/concerns status ${reference}`);
    const detail = await stored(t, Number(reference.slice(4)));
    expect(detail?.concern.reporter).toEqual({ mode: "anonymous" });
    expect(detail?.concern.receiptHash).toMatch(/^[0-9a-f]{64}$/);
    expect(detail?.concern.receiptHash).not.toContain(receipt.replace(/-/g, ""));
    expect(detail?.audit[0]?.actor).toBe("reporter:anonymous");

    await waitUntil(() => Boolean(cardFor(t, reference)));
    const card = cardFor(t, reference)!;
    expect(readable(card)).toContain("Anonymous");
    const dm = t.standin.workspace.dmWith(PEOPLE.staff.id).id;
    expect(t.standin.messagesIn(dm).some((m) => m.text.includes(reference))).toBe(false);

    await t.slack.blockAction({
      user: PEOPLE.lead.id,
      actionId: "concern_reply",
      container: { type: "message", channel: TRIAGE.id, ts: card.ts },
    });
    const replyView = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
    await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      viewId: replyView.id,
      values: { lead_text: "Thank you. Which meeting was this decided at?" },
    });
    await waitUntil(() =>
      t.standin.threadReplies(TRIAGE.id, card.ts).some((m) => m.text.includes("replied to the anonymous reporter")),
    );

    const read = await concernsCommand(t, PEOPLE.staff.id, `status ${reference} ${receipt.toLowerCase()}`);
    expect(read.reply).toContain("Which meeting was this decided at?");
    const wrong = await concernsCommand(t, PEOPLE.staff.id, `status ${reference} 2222-3333-4444`);
    expect(wrong.reply).toContain("does not match");
    expect(wrong.reply).not.toContain("Which meeting");

    const answer = await concernsCommand(
      t,
      PEOPLE.staff.id,
      `status ${reference} ${receipt} It was the July quality committee.`,
    );
    expect(answer.reply).toContain("passed to the concern leads");
    await waitUntil(() =>
      t.standin.threadReplies(TRIAGE.id, card.ts).some((m) => m.text.includes("July quality committee")),
    );

    await t.slack.blockAction({
      user: PEOPLE.lead.id,
      actionId: "concern_block_thread",
      container: { type: "message", channel: TRIAGE.id, ts: card.ts },
    });
    await waitUntil(() => readable(cardFor(t, reference)).includes("Unblock thread"));
    const blocked = await concernsCommand(t, PEOPLE.staff.id, `status ${reference} ${receipt} one more thing`);
    expect(blocked.reply).toContain("closed the conversation");
    const actions = (await stored(t, Number(reference.slice(4))))?.audit.map(
      (entry) => `${entry.action}:${entry.actor}`,
    );
    expect(actions).toEqual([
      "submit:reporter:anonymous",
      `reply:lead:${PEOPLE.lead.id}`,
      "reporter_reply:reporter:anonymous",
      `block:lead:${PEOPLE.lead.id}`,
    ]);
  });
});

describe("anonymous means anonymous", () => {
  const reporter = { id: "U0WHISTLE", name: "quiet.reporter", real_name: "Quinn Reporter" };
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
    t.standin.workspace.addUser(reporter);
  });
  afterAll(() => t?.close());

  it("writes the reporter's user id and name nowhere: not the database file, its WAL, or the logs", async () => {
    const message = t.standin.workspace.postAsUser(
      CHANNELS.commissioning.id,
      PEOPLE.colleague.id,
      "Minutes show the senate voted on our budget.",
    );
    await raiseFromMessage(t, reporter.id, message, { identity_mode: "anonymous", include_link: "include" });
    const reference = referenceShownTo(t, reporter.id);
    const receipt = /`([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})`/.exec(
      readable(t.standin.openViewsFor(reporter.id).at(-1)?.blocks),
    )?.[1];
    await waitUntil(() => Boolean(cardFor(t, reference)));
    await t.slack.blockAction({
      user: PEOPLE.lead.id,
      actionId: "concern_acknowledge",
      container: { type: "message", channel: TRIAGE.id, ts: cardFor(t, reference)!.ts },
    });
    await waitUntil(() => readable(cardFor(t, reference)).includes("Acknowledged"));
    await concernsCommand(t, reporter.id, `status ${reference} ${receipt} Here is more detail about the vote.`);
    await concernsCommand(t, reporter.id, `status ${reference} ${receipt}`);
    await waitUntil(() => t.standin.threadReplies(TRIAGE.id, cardFor(t, reference)!.ts).length > 0);

    const file = sqliteFilePath(t.databaseUrl);
    const bytes = [file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path));
    expect(bytes.length).toBeGreaterThan(0);
    for (const needle of [reporter.id, reporter.name, reporter.real_name]) {
      for (const content of bytes) expect(content.includes(Buffer.from(needle, "utf8"))).toBe(false);
      expect(t.logs.filter((line) => line.includes(needle))).toEqual([]);
    }
    // The search can find what is stored: the reply's text and the lead who acknowledged it are there.
    expect(bytes.some((content) => content.includes(Buffer.from("Here is more detail about the vote.", "utf8")))).toBe(
      true,
    );
    expect(bytes.some((content) => content.includes(Buffer.from(`lead:${PEOPLE.lead.id}`, "utf8")))).toBe(true);
    expect(t.logs.some((line) => line.includes("views.update"))).toBe(true);
    // The receipt code is shown once, in the modal: not even the debug log of Slack's SDK keeps it.
    expect(receipt).toBeDefined();
    expect(
      t.logs.filter((line) => line.includes(receipt ?? "?") || line.includes((receipt ?? "?").replace(/-/g, ""))),
    ).toEqual([]);
    expect(t.standin.messagesIn(t.standin.workspace.dmWith(reporter.id).id)).toHaveLength(0);
  });
});
