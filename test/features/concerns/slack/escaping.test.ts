import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  FORM,
  modalOf,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  TRIAGE,
  waitUntil,
} from "./support";

const fixture = fileURLToPath(
  new URL("../../../fixtures/slack/message_action.bot-message-with-attachment.json", import.meta.url),
);

/** Markup that would ping everyone, mention someone or link elsewhere if Slack read it as formatting. */
const MARKUP = "<!channel> <@U0LEAD002> <http://evil.test|click here>";
const LIVE = ["<!channel>", "<@U0LEAD002>", "<http://evil.test"];

/** Every text Slack would read as mrkdwn in what was sent: section, context and top-level notification text. */
function mrkdwnTexts(value: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, key: string | null, parentType: unknown) => {
    if (typeof node === "string" && /^[[{]/.test(node) && key !== "text") {
      visit(JSON.parse(node), key, parentType);
      return;
    }
    if (typeof node === "string") {
      if ((key === "text" && parentType !== "plain_text") || key === "alt_text") found.push(node);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const type = (node as { type?: unknown }).type;
    for (const [k, v] of Object.entries(node)) visit(v, k, type);
  };
  visit(value, null, null);
  return found;
}

describe("what people and bots named cannot ping, mention or link, through the real Bolt receiver", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot();
  });
  afterAll(() => t?.close());

  it("shows a bot's display name with <!channel> in it as typed in the concern form", async () => {
    const payload = JSON.parse(readFileSync(fixture, "utf8"));
    payload.team = { id: t.standin.workspace.team.id, domain: t.standin.workspace.team.domain };
    payload.user = { id: PEOPLE.staff.id, username: PEOPLE.staff.name, name: PEOPLE.staff.name };
    payload.user.team_id = t.standin.workspace.team.id;
    payload.channel = { id: CHANNELS.commissioning.id, name: CHANNELS.commissioning.name };
    payload.callback_id = "log_autonomy_concern";
    payload.trigger_id = t.standin.issueTriggerId(PEOPLE.staff.id);
    payload.response_url = t.standin.issueResponseUrl({ channel: CHANNELS.commissioning.id, user: PEOPLE.staff.id });
    payload.message.username = MARKUP;
    payload.message.user = undefined;
    payload.message.bot_profile.name = MARKUP;
    const updates = t.standin.callsTo("views.update").length;
    const delivered = await t.slack.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(delivered.status).toBe(200);
    await waitUntil(() => t.standin.callsTo("views.update").length > updates);
    const sent = t.standin.callsTo("views.update").slice(updates);
    const texts = mrkdwnTexts(sent.map((call) => call.params.view));
    expect(texts.join("\n")).toContain("&lt;!channel&gt;");
    for (const live of LIVE) expect(texts.join("\n")).not.toContain(live);

    const view = t.standin.openViewsFor(PEOPLE.staff.id).at(-1)!;
    const posts = t.standin.callsTo("chat.postMessage").length;
    await t.slack.viewSubmission({ user: PEOPLE.staff.id, viewId: view.id, values: FORM });
    await waitUntil(() => t.standin.callsTo("chat.postMessage").length > posts);
    const card = mrkdwnTexts(
      t.standin
        .callsTo("chat.postMessage")
        .slice(posts)
        .map((call) => call.params),
    );
    for (const live of LIVE) expect(card.join("\n")).not.toContain(live);
  });

  it("sends a lead's note to the reporter's DM as typed, in its blocks and its notification text", async () => {
    const message = t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, "Region decided.");
    await raiseFromMessage(t, PEOPLE.staff.id, message);
    const reference = referenceShownTo(t, PEOPLE.staff.id);
    await waitUntil(() => Boolean(cardFor(t, reference)));
    const container = { type: "message" as const, channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" };
    await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_acknowledge", container });
    await waitUntil(() => readable(cardFor(t, reference)).includes(`${reference} · Acknowledged`));
    const dm = t.standin.workspace.dmWith(PEOPLE.staff.id).id;
    const before = t.standin.messagesIn(dm).length;
    await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_resolve", container });
    const lead = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
    await t.slack.viewSubmission({ user: PEOPLE.lead.id, viewId: lead.id, values: { lead_text: `Done. ${MARKUP}` } });
    await waitUntil(() => readable(t.standin.messagesIn(dm).slice(before)).includes("Done."));
    const sent = t.standin
      .callsTo("chat.postMessage")
      .filter((call) => call.params.channel === dm || call.params.channel === PEOPLE.staff.id)
      .map((call) => call.params);
    expect(sent.length).toBeGreaterThan(0);
    const texts = mrkdwnTexts(sent);
    expect(texts.join("\n")).toContain("Done. &lt;!channel&gt;");
    for (const live of LIVE) expect(texts.join("\n")).not.toContain(live);
  });
});
