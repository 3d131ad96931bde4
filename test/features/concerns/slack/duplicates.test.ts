import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  FORM,
  openFromMessage,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  stored,
  TRIAGE,
  waitUntil,
} from "./support";

describe("no duplicates: retries, double submits and the same message logged again", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterAll(() => t?.close());

  const post = (text: string) => t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.lead.id, text);
  const concerns = () => t.bot.core.database.db.concern.count();

  it("stores one concern, one card and one confirmation when Slack delivers the same submission again", async () => {
    const before = await concerns();
    const { submitted } = await raiseFromMessage(
      t,
      PEOPLE.staff.id,
      post("The senate is drafting our elective care strategy."),
    );
    const reference = referenceShownTo(t, PEOPLE.staff.id);
    await waitUntil(() => Boolean(cardFor(t, reference)));
    // Slack's redelivery is signed afresh, at a later second (the same signed bytes again are a replay).
    const sentAt = Number(submitted.sent.headers["x-slack-request-timestamp"]);
    await waitUntil(() => Math.floor(Date.now() / 1000) > sentAt, 3_000);
    const again = await t.slack.send(submitted.sent.body, "application/x-www-form-urlencoded", {
      retry: { num: 1, reason: "http_timeout" },
    });
    expect(again.status).toBe(200);
    expect(readable(again.body)).toContain(reference);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await concerns()).toBe(before + 1);
    expect(t.standin.messagesIn(TRIAGE.id).filter((m) => m.text.startsWith(`${reference}:`))).toHaveLength(1);
    expect(t.standin.ephemeralsFor(PEOPLE.staff.id).filter((e) => e.text.includes(reference))).toHaveLength(1);
  });

  it("stores one concern when the submit button is pressed twice", async () => {
    const before = await concerns();
    const { view } = await openFromMessage(
      t,
      PEOPLE.staff.id,
      CHANNELS.commissioning.id,
      post("The Board will appoint our accountable officer."),
    );
    const [first, second] = await Promise.all([
      t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM }),
      t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await concerns()).toBe(before + 1);
    const reference = /CON-\d{4}/.exec(readable(first.body))?.[0] ?? "";
    expect(readable(second.body)).toContain(reference);
    await waitUntil(() => Boolean(cardFor(t, reference)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.standin.messagesIn(TRIAGE.id).filter((m) => m.text.startsWith(`${reference}:`))).toHaveLength(1);
  });

  it("adds people who log the same message as supporters, says how many raised it, and updates the card", async () => {
    const before = await concerns();
    const message = post("The regional team has vetoed our urgent care procurement.");
    await raiseFromMessage(t, PEOPLE.staff.id, message);
    const reference = referenceShownTo(t, PEOPLE.staff.id);
    await waitUntil(() => readable(cardFor(t, reference)).includes("1 person raised this"));

    const { view } = await openFromMessage(t, PEOPLE.colleague.id, CHANNELS.commissioning.id, message);
    expect(readable(view.blocks)).toContain(`already logged as *${reference}*`);
    await t.slack.viewSubmission({
      user: PEOPLE.colleague.id,
      viewId: view.id,
      values: { ...FORM, identity_mode: "confidential" },
    });
    expect(readable(t.standin.openViewsFor(PEOPLE.colleague.id).at(-1)?.blocks)).toContain("2 people raised this");
    await waitUntil(() =>
      t.standin.ephemeralsFor(PEOPLE.colleague.id).some((e) => e.text.includes("2 people raised this")),
    );
    await waitUntil(() => readable(cardFor(t, reference)).includes("2 people raised this"));

    await raiseFromMessage(t, PEOPLE.lead.id, message, { identity_mode: "anonymous" });
    expect(readable(t.standin.openViewsFor(PEOPLE.lead.id).at(-1)?.blocks)).toContain("3 people raised this");
    await waitUntil(() => readable(cardFor(t, reference)).includes("3 people raised this"));

    // The reporter using the shortcut on the same message again is told at first sight, with no form to fill in.
    const again = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, message);
    expect(again.view.callback_id).toBe("concern_done");
    expect(readable(again.view.blocks)).toContain(`already raised this message as part of *${reference}*`);
    expect(readable(again.view.blocks)).toContain("nothing more is needed");
    expect(readable(again.view.blocks)).not.toContain("What happened?");

    expect(await concerns()).toBe(before + 1);
    const detail = await stored(t, Number(reference.slice(4)));
    expect(detail?.supporters.map((s) => s.identity.mode)).toEqual(["confidential", "anonymous"]);
    expect(detail?.concern.supporterCount).toBe(2);
    expect(detail?.audit.map((e) => e.action)).toEqual(["submit", "support", "support"]);
    const thread = t.standin.threadReplies(TRIAGE.id, cardFor(t, reference)!.ts).map((m) => m.text);
    expect(thread).toEqual([
      "Someone else raised this message too (confidentially).",
      "Someone else raised this message too (anonymously).",
    ]);
  });
});
