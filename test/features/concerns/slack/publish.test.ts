import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  choose,
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

const PUBLISHED = [
  "You said area teams were steering our procurement. We raised it with the Board, and procurement decisions now come to our governing body.",
  "You said the senate was *approving* our plans. It now advises only: plans are ours to agree.",
];

describe('"you said, we did", through the real Bolt receiver', () => {
  let t: TestBot;
  const ids: string[] = [];
  const references: string[] = [];
  beforeAll(async () => {
    t = await startConcernBot();
    for (const [i, publication] of PUBLISHED.entries()) {
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        `Concern ${i}: the Board decided it.`,
      );
      await raiseFromMessage(t, PEOPLE.staff.id, message, {
        what_happened: `Private detail number ${i} about who said what.`,
      });
      const reference = referenceShownTo(t, PEOPLE.staff.id);
      references.push(reference);
      ids.push((await stored(t, Number(reference.slice(4))))?.concern.id ?? "");
      await waitUntil(() => Boolean(cardFor(t, reference)));
      const container = { type: "message" as const, channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" };
      await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_acknowledge", container });
      await waitUntil(() => readable(cardFor(t, reference)).includes("Acknowledged"));
      await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_resolve", container });
      const view = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
      expect(readable(view.blocks)).toContain("What changed as a result (for the report)");
      expect(readable(view.blocks)).toContain('For publication ("you said, we did")');
      await t.slack.viewSubmission({
        user: PEOPLE.lead.id,
        viewId: view.id,
        values: { lead_text: "Resolved with the region.", outcome: `Change ${i}.`, publication },
      });
      await waitUntil(() => readable(cardFor(t, reference)).includes("Resolved"));
    }
  });
  afterAll(() => t?.close());

  const openPublish = async (user: string, channel: string = CHANNELS.commissioning.id) => {
    const before = t.standin.callsTo("views.open").length;
    await t.slack.slashCommand({ command: "/concerns", text: "publish", user, channel });
    await waitUntil(() => t.standin.callsTo("views.open").length > before);
    return t.standin.openViewsFor(user).at(-1)!;
  };

  it("previews exactly what will be posted, following the ticks, with only what the leads wrote for publication", async () => {
    const view = await openPublish(PEOPLE.lead.id);
    const preview = readable(view.blocks);
    for (const text of PUBLISHED) expect(preview).toContain(text);
    expect(preview).not.toContain("Private detail");
    expect(preview).not.toContain(references[0]);
    const one = await choose(t, PEOPLE.lead.id, view.id, "publish_items", [ids[0] ?? ""]);
    const shown = readable(
      one.blocks.slice(one.blocks.findIndex((block) => block.block_id === "concern_publish_preview")),
    );
    expect(shown).toContain(PUBLISHED[0]);
    expect(shown).not.toContain("It now advises only");
  });

  it("refuses the triage channel and a channel the bot is not in, then posts and records it", async () => {
    const view = t.standin.openViewsFor(PEOPLE.lead.id).at(-1)!;
    const triage = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      viewId: view.id,
      values: { publish_items: [ids[0] ?? ""], publish_channel: TRIAGE.id },
    });
    expect(readable(triage.effect)).toContain("triage channel");
    const outside = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      viewId: view.id,
      values: { publish_items: [ids[0] ?? ""], publish_channel: CHANNELS.governance.id },
    });
    expect(readable(outside.effect)).toMatch(/invite the bot/i);
    const posted = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      viewId: view.id,
      values: { publish_items: [ids[0] ?? ""], publish_channel: CHANNELS.commissioning.id },
    });
    expect(posted.effect.kind).toBe("updated");
    expect(readable(t.standin.openViewsFor(PEOPLE.lead.id).at(-1)?.blocks)).toContain("1 item");
    const roundUp = t.standin.messagesIn(CHANNELS.commissioning.id).find((m) => m.text.startsWith("You said, we did"));
    expect(roundUp?.blocks).toContainEqual(
      expect.objectContaining({
        type: "section",
        text: { type: "plain_text", text: `• ${PUBLISHED[0]}`, emoji: false },
      }),
    );
    expect(readable(roundUp)).not.toContain("Private detail");
    expect(readable(roundUp)).not.toContain(references[0]);
    const audit = (await stored(t, Number(references[0]?.slice(4))))?.audit.map((entry) => entry.action);
    expect(audit).toContain("publish");

    const next = await openPublish(PEOPLE.lead.id);
    expect(readable(next.blocks)).not.toContain("procurement decisions now come");
    expect(readable(next.blocks)).toContain("It now advises only");
  });

  it("is for concern leads only", async () => {
    const view = await openPublish(PEOPLE.colleague.id);
    expect(readable(view.blocks)).toContain("only concern leads");
  });
});
