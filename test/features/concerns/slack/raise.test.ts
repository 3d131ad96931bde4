import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  FORM,
  modalOf,
  openFromMessage,
  PEOPLE,
  raiseFromMessage,
  readable,
  startConcernBot,
  stored,
  TRIAGE,
  waitUntil,
} from "./support";

describe.each(["sqlite", "postgres"] as const)(
  "raising a concern from a message, through the real Bolt receiver, on %s",
  (provider) => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startConcernBot({ provider });
    });
    afterAll(() => t?.close());

    it("opens a loading modal at once, then shows the quoted message with its author and link", async () => {
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        "The Board has told us to stop our MSK procurement.",
      );
      const { delivered, view } = await openFromMessage(t, PEOPLE.staff.id, CHANNELS.commissioning.id, message);
      expect(delivered.status).toBe(200);
      const calls = t.standin.calls.map((call) => call.method);
      expect(calls.indexOf("views.open")).toBeLessThan(calls.indexOf("chat.getPermalink"));
      expect(JSON.parse(String(t.standin.callsTo("views.open").at(-1)?.params.view))).toMatchObject({
        callback_id: "concern_loading",
      });
      expect(view.callback_id).toBe("concern_form");
      const shown = readable(view.blocks);
      expect(shown).toContain("The Board has told us to stop our MSK procurement.");
      expect(shown).toContain(`<@${PEOPLE.colleague.id}>`);
      expect(shown).toContain(`archives/${CHANNELS.commissioning.id}/p${message.ts.replace(".", "")}`);
      expect(shown).toContain("Include a link to the original message");
      for (const label of [
        "What happened?",
        "Which objective does it touch?",
        "Which body was involved?",
        "Impact",
        "How do you want to be identified?",
      ]) {
        expect(shown).toContain(label);
      }
      expect(shown).toContain("Not sure");
      expect(shown).toContain("NHS Commissioning Board");
    });

    it("stores a named concern with its reference, source and workspace, confirms it and posts a triage card", async () => {
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        "Clinical senate says it will decide our stroke pathway.",
      );
      const { submitted } = await raiseFromMessage(t, PEOPLE.staff.id, message, {
        identity_mode: "named",
        body: "clinical_senate",
      });
      expect(submitted.status).toBe(200);
      expect(submitted.effect.kind).toBe("updated");
      const confirmation = readable(t.standin.openViewsFor(PEOPLE.staff.id).at(-1)?.blocks);
      expect(confirmation).toMatch(/logged as \*CON-\d{4}\*/);
      const reference = /CON-\d{4}/.exec(confirmation)?.[0] ?? "";
      const number = Number(reference.slice(4));

      const detail = await stored(t, number);
      expect(detail?.concern).toMatchObject({
        workspaceId: t.standin.workspace.team.id,
        status: "new",
        whatHappened: FORM.what_happened,
        objective: 1,
        body: "clinical_senate",
        impact: "high",
        reporter: { mode: "named", userId: PEOPLE.staff.id },
        source: {
          text: message.text,
          channelId: CHANNELS.commissioning.id,
          ts: message.ts,
          author: PEOPLE.colleague.id,
        },
      });
      expect(detail?.concern.source?.permalink).toContain(CHANNELS.commissioning.id);
      expect(detail?.audit.map((entry) => entry.action)).toEqual(["submit"]);

      await waitUntil(() => t.standin.ephemeralsFor(PEOPLE.staff.id).some((e) => e.text.includes(reference)));
      const ephemeral = t.standin.ephemeralsFor(PEOPLE.staff.id).find((e) => e.text.includes(reference));
      expect(ephemeral?.channel).toBe(CHANNELS.commissioning.id);

      await waitUntil(() => Boolean(cardFor(t, reference)));
      const card = readable(cardFor(t, reference));
      expect(card).toContain(`${reference} · New`);
      expect(card).toContain(`<@${PEOPLE.staff.id}>`);
      expect(card).toContain("Clinical senate");
      for (const button of ["Acknowledge", "Add note"]) expect(card).toContain(button);
      expect(card).not.toContain("Resolve");
      // Where the card was posted is recorded once it is posted (after Slack's answer to the submission).
      await waitUntil(async () => (await stored(t, number))?.concern.triage !== null);
      expect((await stored(t, number))?.concern.triage).toMatchObject({ channelId: TRIAGE.id });
    });

    it("follows the concern through acknowledge, note and resolve, updating the card in place and telling the reporter", async () => {
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        "NHS CB region will pick our CSU for us.",
      );
      await raiseFromMessage(t, PEOPLE.staff.id, message);
      const reference = /CON-\d{4}/.exec(readable(t.standin.openViewsFor(PEOPLE.staff.id).at(-1)?.blocks))?.[0] ?? "";
      await waitUntil(() => Boolean(cardFor(t, reference)));
      const card = cardFor(t, reference)!;
      const container = { type: "message" as const, channel: TRIAGE.id, ts: card.ts };
      const cardsBefore = t.standin.messagesIn(TRIAGE.id).filter((m) => !m.thread_ts).length;

      await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_acknowledge", container });
      await waitUntil(() => readable(cardFor(t, reference)).includes(`${reference} · Acknowledged`));
      expect(readable(cardFor(t, reference))).toContain(`Acknowledged by <@${PEOPLE.lead.id}>`);
      const dm = t.standin.workspace.dmWith(PEOPLE.staff.id).id;
      await waitUntil(() =>
        t.standin.messagesIn(dm).some((m) => m.text.includes(`${reference}* has been acknowledged`)),
      );

      await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_note", container });
      const noteView = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
      await t.slack.viewSubmission({
        user: PEOPLE.lead.id,
        viewId: noteView.id,
        values: { lead_text: "Spoke to the regional director." },
      });
      await waitUntil(() => readable(cardFor(t, reference)).includes("Note added"));

      const refreshed = cardFor(t, reference)!;
      await t.slack.blockAction({
        user: PEOPLE.lead.id,
        actionId: "concern_resolve",
        container: { ...container, ts: refreshed.ts },
      });
      const resolveView = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
      await t.slack.viewSubmission({
        user: PEOPLE.lead.id,
        viewId: resolveView.id,
        values: { lead_text: "The region withdrew its instruction." },
      });
      await waitUntil(() => readable(cardFor(t, reference)).includes(`${reference} · Resolved`));
      expect(readable(cardFor(t, reference))).toContain("Reopen");
      await waitUntil(() => t.standin.messagesIn(dm).some((m) => m.text.includes("has been resolved")));
      expect(readable(t.standin.messagesIn(dm).at(-1))).toContain("The region withdrew its instruction.");
      expect(t.standin.messagesIn(dm).some((m) => m.text.includes("Spoke to the regional director"))).toBe(false);

      expect(t.standin.messagesIn(TRIAGE.id).filter((m) => !m.thread_ts)).toHaveLength(cardsBefore);
      const detail = await stored(t, Number(reference.slice(4)));
      expect(detail?.audit.map((entry) => [entry.action, entry.actor])).toEqual([
        ["submit", `reporter:${PEOPLE.staff.id}`],
        ["acknowledge", `lead:${PEOPLE.lead.id}`],
        ["note", `lead:${PEOPLE.lead.id}`],
        ["resolve", `lead:${PEOPLE.lead.id}`],
      ]);
      expect(t.standin.callsTo("chat.update").length).toBeGreaterThanOrEqual(3);
    });
  },
);
