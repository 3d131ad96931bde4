import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quarterOf } from "../../../../src/features/concerns/domain/quarters";
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
  TRIAGE,
  waitUntil,
} from "./support";

/** What a lead typed when resolving: Slack formatting characters and markup that must show as typed. */
const NOTE = "*Done*: the region withdrew its _instruction_ & <b>thanks</b> :tada:";
const RECEIPT = /`([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})`/;

describe.each(["sqlite", "postgres"] as const)(
  "closing the loop with the reporter, through the real Bolt receiver, on %s",
  (provider) => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startConcernBot({ provider });
    });
    afterAll(() => t?.close());

    const answers = () => t.bot.core.database.db.concernCheckinAnswer.findMany();
    const resolve = async (reference: string, note: string) => {
      const container = { type: "message" as const, channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" };
      await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_acknowledge", container });
      await waitUntil(() => readable(cardFor(t, reference)).includes(`${reference} · Acknowledged`));
      await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_resolve", container });
      const view = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
      await t.slack.viewSubmission({ user: PEOPLE.lead.id, viewId: view.id, values: { lead_text: note } });
      await waitUntil(() => readable(cardFor(t, reference)).includes(`${reference} · Resolved`));
    };
    const answer = async (user: string, clear: string, again: string) => {
      const view = await modalOf(t, user, "concern_checkin");
      expect(readable(view.blocks)).toContain("never linked to you or to it");
      await t.slack.viewSubmission({ user, viewId: view.id, values: { checkin_clear: clear, checkin_again: again } });
      expect(readable(t.standin.openViewsFor(user).at(-1)?.blocks)).toContain("counted, without your name");
    };

    it("asks an anonymous reporter once, through their receipt code, and keeps the answer tied to nobody", async () => {
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        "Region: all CCG procurement now goes through the regional framework.",
      );
      await raiseFromMessage(t, PEOPLE.staff.id, message, { identity_mode: "anonymous" });
      const reference = referenceShownTo(t, PEOPLE.staff.id);
      const receipt = RECEIPT.exec(readable(t.standin.openViewsFor(PEOPLE.staff.id).at(-1)?.blocks))?.[1] ?? "";
      await waitUntil(() => Boolean(cardFor(t, reference)));
      await resolve(reference, NOTE);

      // Typed without dashes, in lower case: echoed as it was shown.
      const status = await concernsCommand(
        t,
        PEOPLE.staff.id,
        `status ${reference} ${receipt.replace(/-/g, "").toLowerCase()}`,
      );
      expect(status.reply).toContain(`/concerns status ${reference} ${receipt} your message`);
      expect(status.reply).not.toContain(receipt.replace(/-/g, ""));
      expect(status.params.blocks).toContainEqual({
        type: "section",
        text: { type: "plain_text", text: NOTE, emoji: false },
      });
      expect(status.reply).toContain("Two quick questions");
      expect(status.reply).not.toContain(receipt.replace(/-/g, "").toLowerCase());

      const offer = t.standin
        .ephemeralsFor(PEOPLE.staff.id)
        .filter((e) => readable(e).includes("Two quick questions"))
        .at(-1);
      if (!offer) throw new Error("the status reply offers the check-in");
      const press = () =>
        t.slack.blockAction({
          user: PEOPLE.staff.id,
          actionId: "concern_checkin_open",
          container: { type: "message", channel: offer.channel, ts: offer.ts, ephemeral: true },
        });
      await press();
      await answer(PEOPLE.staff.id, "yes", "unsure");

      const stored = await answers();
      expect(stored).toEqual([
        {
          id: expect.any(String),
          workspaceId: t.standin.workspace.team.id,
          quarter: quarterOf(new Date()).key,
          clear: "yes",
          again: "unsure",
        },
      ]);
      const markers = await t.bot.core.database.db.concernCheckinMarker.findMany();
      expect(markers).toHaveLength(1);
      const concern = await t.bot.core.database.db.concern.findFirst({ where: { number: Number(reference.slice(4)) } });
      expect(JSON.stringify([stored, markers])).not.toContain(concern?.id ?? "?");
      expect(JSON.stringify([stored, markers])).not.toContain(PEOPLE.staff.id);

      const again = await concernsCommand(t, PEOPLE.staff.id, `status ${reference} ${receipt}`);
      expect(again.reply).not.toContain("Two quick questions");
      await press();
      await waitUntil(() => t.standin.ephemeralsFor(PEOPLE.staff.id).some((e) => e.text.includes("already answered")));
      expect(await answers()).toHaveLength(1);
    });

    it("asks a named reporter once in the resolution DM, shows the lead's note as typed, and counts it in the report", async () => {
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        "The network set our referral thresholds.",
      );
      await raiseFromMessage(t, PEOPLE.staff.id, message);
      const reference = referenceShownTo(t, PEOPLE.staff.id);
      await waitUntil(() => Boolean(cardFor(t, reference)));
      await resolve(reference, NOTE);
      const dm = t.standin.workspace.dmWith(PEOPLE.staff.id).id;
      await waitUntil(() => t.standin.messagesIn(dm).some((m) => m.text.includes(`*${reference}* has been resolved`)));
      const resolved = t.standin
        .messagesIn(dm)
        .filter((m) => m.text.includes(`*${reference}* has been resolved`))
        .at(-1);
      expect(resolved?.blocks).toContainEqual(
        expect.objectContaining({ type: "section", text: { type: "plain_text", text: NOTE, emoji: false } }),
      );
      expect(readable(resolved)).toContain("Two quick questions");

      await t.slack.blockAction({
        user: PEOPLE.staff.id,
        actionId: "concern_checkin_open",
        container: { type: "message", channel: dm, ts: resolved?.ts ?? "" },
      });
      await answer(PEOPLE.staff.id, "partly", "yes");
      expect(await answers()).toHaveLength(2);

      // Someone who did not raise it cannot answer for it.
      await t.slack.blockAction({
        user: PEOPLE.colleague.id,
        actionId: "concern_checkin_open",
        container: { type: "message", channel: dm, ts: resolved?.ts ?? "" },
      });
      await waitUntil(() =>
        t.standin.ephemeralsFor(PEOPLE.colleague.id).some((e) => e.text.includes("Only the people who raised")),
      );

      // Reopened and resolved again: no second check-in.
      const container = { type: "message" as const, channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" };
      await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_reopen", container });
      const reopen = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
      await t.slack.viewSubmission({ user: PEOPLE.lead.id, viewId: reopen.id, values: { lead_text: "" } });
      await waitUntil(() => readable(cardFor(t, reference)).includes(`${reference} · Acknowledged`));
      await t.slack.blockAction({ user: PEOPLE.lead.id, actionId: "concern_resolve", container });
      const view = await modalOf(t, PEOPLE.lead.id, "concern_lead_action");
      await t.slack.viewSubmission({ user: PEOPLE.lead.id, viewId: view.id, values: { lead_text: "Settled again." } });
      await waitUntil(() => t.standin.messagesIn(dm).some((m) => readable(m).includes("Settled again.")));
      expect(readable(t.standin.messagesIn(dm).at(-1))).not.toContain("Two quick questions");

      const report = await concernsCommand(t, PEOPLE.lead.id, `report ${quarterOf(new Date()).key}`);
      expect(report.reply).toContain("Concerns raised");
      const files = t.standin.callsTo("files.completeUploadExternal");
      await waitUntil(() => t.standin.callsTo("files.completeUploadExternal").length > files.length - 1);
      const last = t.standin.callsTo("files.completeUploadExternal").at(-1);
      const id = String((JSON.parse(String(last?.params.files)) as Array<{ id: string }>)[0]?.id);
      expect(t.standin.file(id)?.bytes?.toString("utf8")).toContain(
        "Was the response to your concern clear? Yes: fewer than 5; Partly: fewer than 5; No: 0; Answers: fewer than 5",
      );
    });
  },
);
