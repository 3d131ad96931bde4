import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  FORM,
  modalOf,
  openFromMessage,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  stored,
  waitUntil,
} from "./support";

/** A message shortcut used on a bot's message that has no text of its own, only an unfurl attachment with a file. */
const fixture = fileURLToPath(
  new URL("../../../fixtures/slack/message_action.bot-message-with-attachment.json", import.meta.url),
);

describe("the concern form", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterAll(() => t?.close());

  const post = (text: string, options?: { thread_ts?: string; blocks?: Record<string, unknown>[] }) =>
    t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, text, options);
  const count = () => t.bot.core.database.db.concern.count();

  it("opens the modal before a slow link lookup, so the 3-second trigger never expires", async () => {
    t.standin.failNext("chat.getPermalink", { delayMs: 3_500 });
    const message = post("The Board's region reallocated our running cost allowance.");
    const { delivered, view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, message, 6_000);
    expect(delivered.tooSlow).toBe(false);
    expect(view.callback_id).toBe("concern_form");
    expect(t.standin.callsTo("views.open").every((call) => call.response.ok === true)).toBe(true);
    expect(readable(view.blocks)).toContain("reallocated our running cost allowance");
  }, 10_000);

  it("shrugs off a modal closed before it could be filled in", async () => {
    t.standin.failNext("views.update", { error: "not_found" });
    const errorsBefore = t.logs.filter((line) => line.includes('"level":"error"')).length;
    const updates = t.standin.callsTo("views.update").length;
    await t.slack.messageShortcut({
      callbackId: "log_autonomy_concern",
      user: PEOPLE.staff.id,
      channel: CHANNELS.commissioning.id,
      message: post("Closed too soon."),
    });
    await waitUntil(() => t.standin.callsTo("views.update").length > updates);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(t.logs.filter((line) => line.includes('"level":"error"'))).toHaveLength(errorsBefore);
  });

  it("shows polite errors inside the modal and stores nothing", async () => {
    const before = await count();
    const { view } = await openFromMessage(
      t,
      PEOPLE.staff.id,
      CHANNELS.commissioning.id,
      post("The Board changed our allocation."),
    );
    const tooShort = await t.slack.viewSubmission({
      user: PEOPLE.staff.id,
      viewId: view.id,
      values: { ...FORM, what_happened: "Bad." },
    });
    expect(tooShort.status).toBe(200);
    expect(tooShort.effect).toEqual({
      kind: "errors",
      errors: { concern_what_happened: "Please say what happened (at least 10 characters)." },
    });
    const blank = await t.slack.viewSubmission({
      user: PEOPLE.staff.id,
      viewId: view.id,
      values: { ...FORM, what_happened: "             " },
    });
    expect(blank.effect.kind).toBe("errors");
    expect(await count()).toBe(before);
    const fixed = await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
    expect(fixed.effect.kind).toBe("updated");
    expect(await count()).toBe(before + 1);
  });

  it("signposts a patient safety incident before submission, notes that it did, and still lets the reporter submit", async () => {
    const message = post(
      "A patient was harmed after the wrong dose, and the network has taken over our medicines policy.",
    );
    const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, message);
    const shown = readable(view.blocks);
    expect(shown).toContain("This may be a patient safety incident");
    expect(shown).toContain("local incident reporting system");
    await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
    const detail = await stored(t, Number(referenceShownTo(t, PEOPLE.staff.id).slice(4)));
    expect(detail?.concern.signposts).toEqual(["patient_safety"]);
  });

  it("signposts what the reporter typed on the first submit, keeping what they entered, then stores it", async () => {
    await t.slack.globalShortcut({ callbackId: "log_autonomy_concern_global", user: PEOPLE.colleague.id });
    const view = await modalOf(t, PEOPLE.colleague.id, "concern_form");
    const typed = {
      ...FORM,
      what_happened: "My line manager keeps bullying me because I objected to the senate's decision.",
      identity_mode: "confidential",
    };
    const first = await t.slack.viewSubmission({ user: PEOPLE.colleague.id, viewId: view.id, values: typed });
    expect(first.effect.kind).toBe("updated");
    const again = t.standin.openViewsFor(PEOPLE.colleague.id).at(-1)!;
    expect(readable(again.blocks)).toContain("HR or your line manager's manager");
    expect(readable(again.blocks)).toContain(typed.what_happened as string);
    const before = await count();
    await t.slack.viewSubmission({ user: PEOPLE.colleague.id, viewId: again.id });
    expect(await count()).toBe(before + 1);
    const detail = await stored(t, Number(referenceShownTo(t, PEOPLE.colleague.id).slice(4)));
    expect(detail?.concern).toMatchObject({
      signposts: ["personal_grievance"],
      source: null,
      reporter: { mode: "confidential" },
      objective: 1,
      body: "regional_team",
    });
    await waitUntil(() =>
      t.standin
        .messagesIn(t.standin.workspace.dmWith(PEOPLE.colleague.id).id)
        .some((m) => m.text.includes("logged as")),
    );
  });

  it("quotes a message that has no text, only an attachment with a file (a payload in Slack's shape)", async () => {
    const payload = JSON.parse(readFileSync(fixture, "utf8"));
    payload.team = { id: t.standin.workspace.team.id, domain: t.standin.workspace.team.domain };
    payload.user = {
      id: PEOPLE.staff.id,
      username: PEOPLE.staff.name,
      name: PEOPLE.staff.name,
      team_id: t.standin.workspace.team.id,
    };
    payload.channel = { id: CHANNELS.commissioning.id, name: CHANNELS.commissioning.name };
    payload.callback_id = "log_autonomy_concern";
    payload.trigger_id = t.standin.issueTriggerId(PEOPLE.staff.id);
    payload.response_url = t.standin.issueResponseUrl({ channel: CHANNELS.commissioning.id, user: PEOPLE.staff.id });
    payload.message.text = "";
    const updates = t.standin.callsTo("views.update").length;
    const delivered = await t.slack.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(delivered.status).toBe(200);
    await waitUntil(() => t.standin.callsTo("views.update").length > updates);
    const view = t.standin.openViewsFor(PEOPLE.staff.id).at(-1)!;
    expect(readable(view.blocks)).toContain("Draft minutes of the governing body are attached for comment.");
    expect(readable(view.blocks)).toContain("[file: Governing body minutes (draft)]");
    expect(readable(view.blocks)).toContain("https://localism-local.slack.com/archives/C0COMMISS/p1355395800000400");
    await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
    const detail = await stored(t, Number(referenceShownTo(t, PEOPLE.staff.id).slice(4)));
    expect(detail?.concern.source).toMatchObject({
      text: "Draft minutes of the governing body are attached for comment.\n[file: Governing body minutes (draft)]",
      ts: "1355395800.000400",
      author: "U0PAPERBOT",
    });
  });

  it("quotes a message made only of blocks", async () => {
    const blocks = [
      {
        type: "rich_text",
        elements: [
          {
            type: "rich_text_section",
            elements: [
              { type: "user", user_id: PEOPLE.lead.id },
              { type: "text", text: " the senate has set our referral thresholds" },
            ],
          },
        ],
      },
    ];
    await raiseFromMessage(t, PEOPLE.staff.id, post("", { blocks }));
    const detail = await stored(t, Number(referenceShownTo(t, PEOPLE.staff.id).slice(4)));
    expect(detail?.concern.source?.text).toBe(`<@${PEOPLE.lead.id}> the senate has set our referral thresholds`);
  });

  it("stores a 40,000-character message in full, showing a part of it", async () => {
    const long = "The Board decided our community services model without us. ".repeat(700).slice(0, 40_000);
    const { view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, post(long));
    expect(readable(view.blocks)).toContain("40,000 characters; the whole text is kept");
    const submitted = await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
    expect(submitted.effect.kind).toBe("updated");
    const detail = await stored(t, Number(referenceShownTo(t, PEOPLE.staff.id).slice(4)));
    expect(detail?.concern.source?.text).toHaveLength(40_000);
    expect(detail?.concern.source?.text).toBe(long);
  });

  it("raises a concern from a reply in a thread, keeping the thread in the link", async () => {
    const parent = post("Update from the regional team meeting.");
    const reply = post("They said our CCG may not change its stroke pathway without their approval.", {
      thread_ts: parent.ts,
    });
    await raiseFromMessage(t, PEOPLE.staff.id, reply);
    const detail = await stored(t, Number(referenceShownTo(t, PEOPLE.staff.id).slice(4)));
    expect(detail?.concern.source).toMatchObject({ ts: reply.ts, threadTs: parent.ts, text: reply.text });
    expect(detail?.concern.source?.permalink).toContain(`thread_ts=${parent.ts}`);
  });

  it("limits anonymous concerns from one person, saying when they can send another", async () => {
    for (let i = 0; i < 3; i++) {
      const { submitted } = await raiseFromMessage(
        t,
        PEOPLE.lead.id,
        post(`Anonymous report number ${i} about the senate.`),
        { identity_mode: "anonymous" },
      );
      expect(submitted.effect.kind).toBe("updated");
    }
    const before = await count();
    const { submitted } = await raiseFromMessage(t, PEOPLE.lead.id, post("One anonymous report too many."), {
      identity_mode: "anonymous",
    });
    expect(submitted.effect.kind).toBe("errors");
    expect(readable(submitted.body)).toMatch(/send another anonymously at \d\d:\d\d tomorrow/);
    expect(await count()).toBe(before);
    const view = t.standin.openViewsFor(PEOPLE.lead.id).at(-1)!;
    const confidential = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      viewId: view.id,
      values: { ...FORM, identity_mode: "confidential" },
    });
    expect(confidential.effect.kind).toBe("updated");
  });

  it("opens the same form from /concerns new and confirms in that channel", async () => {
    await t.slack.slashCommand({
      command: "/concerns",
      text: "new",
      user: PEOPLE.staff.id,
      channel: CHANNELS.governance.id,
    });
    const view = await modalOf(t, PEOPLE.staff.id, "concern_form");
    expect(readable(view.blocks)).not.toContain("The original message");
    await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
    const reference = referenceShownTo(t, PEOPLE.staff.id);
    await waitUntil(() =>
      t.standin
        .ephemeralsFor(PEOPLE.staff.id)
        .some((e) => e.channel === CHANNELS.governance.id && e.text.includes(reference)),
    );
  });
});
