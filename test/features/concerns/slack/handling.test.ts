import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quarterOf } from "../../../../src/features/concerns/domain/quarters";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  concernsCommand,
  DEPUTY,
  dmCardFor,
  dmsOf,
  FORM,
  GROUP_LEAD,
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

const WHAT = "The regional team chose our community ophthalmology provider for us.";

describe.each(["sqlite", "postgres"] as const)(
  "the right lead: assignment, recusal and the deputy, through the real Bolt receiver, on %s",
  (provider) => {
    let t: TestBot;
    let reference: string;
    let concernId: string;
    let other: string;
    beforeAll(async () => {
      t = await startConcernBot({ provider, env: { CONCERN_DEPUTY: DEPUTY.id } });
      const message = t.standin.workspace.postAsUser(
        CHANNELS.commissioning.id,
        PEOPLE.colleague.id,
        "Area team: the ophthalmology contract goes to our preferred regional provider.",
      );
      await raiseFromMessage(t, PEOPLE.staff.id, message, { what_happened: WHAT });
      reference = referenceShownTo(t, PEOPLE.staff.id);
      concernId = (await stored(t, Number(reference.slice(4))))?.concern.id ?? "";
      // Someone else raises it too: a note in the card's thread, which a lead who recuses must not keep seeing.
      await raiseFromMessage(t, PEOPLE.colleague.id, message, { identity_mode: "confidential" });
      await waitUntil(() => t.standin.threadReplies(TRIAGE.id, cardFor(t, reference)?.ts ?? "").length === 1);
      const second = t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, "Another one.");
      await raiseFromMessage(t, PEOPLE.staff.id, second, { what_happened: "The senate rewrote our referral rules." });
      other = referenceShownTo(t, PEOPLE.staff.id);
      await waitUntil(() => Boolean(cardFor(t, other)));
    });
    afterAll(() => t?.close());

    const more = async (user: string, what: "assign" | "recuse", where: { channel: string; ts: string }) => {
      await t.slack.blockAction({
        user,
        actionId: "concern_more",
        container: { type: "message", ...where },
        value: `${what}:${concernId}`,
      });
      return modalOf(t, user, what === "assign" ? "concern_assign" : "concern_recuse");
    };
    const onCard = () => ({ channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" });
    const onDmCard = (user: string) => ({
      type: "message" as const,
      channel: t.standin.workspace.dmWith(user).id,
      ts: dmCardFor(t, user, reference)?.ts ?? "",
    });

    it("assigns a concern to a lead, who is told; someone who is not a lead cannot be chosen", async () => {
      const view = await more(GROUP_LEAD.id, "assign", onCard());
      const refused = await t.slack.viewSubmission({
        user: GROUP_LEAD.id,
        viewId: view.id,
        values: { assignee: PEOPLE.colleague.id },
      });
      expect(refused.effect).toMatchObject({ kind: "errors" });
      expect(readable(refused.effect)).toContain("is not handling");
      await t.slack.viewSubmission({ user: GROUP_LEAD.id, viewId: view.id, values: { assignee: PEOPLE.lead.id } });
      await waitUntil(() => readable(cardFor(t, reference)).includes(`Assigned to*\n<@${PEOPLE.lead.id}>`));
      await waitUntil(() =>
        dmsOf(t, PEOPLE.lead.id).includes(`<@${GROUP_LEAD.id}> has assigned *${reference}* to you`),
      );
      expect((await stored(t, Number(reference.slice(4))))?.concern.assigneeId).toBe(PEOPLE.lead.id);
    });

    it("lets a lead recuse: the card leaves the triage channel and their sight, and the other lead is told", async () => {
      const cardTs = onCard().ts;
      const view = await more(PEOPLE.lead.id, "recuse", onCard());
      expect(readable(view.blocks)).toContain("You will no longer see it anywhere");
      await t.slack.viewSubmission({ user: PEOPLE.lead.id, viewId: view.id, values: { recuse_reason: "about_me" } });

      await waitUntil(() => readable(cardFor(t, reference)).includes("is being handled in direct messages"));
      const stub = readable(cardFor(t, reference));
      expect(stub).not.toContain("ophthalmology");
      expect(stub).not.toContain("Acknowledge");
      await waitUntil(() => t.standin.threadReplies(TRIAGE.id, cardTs).length === 0);

      await waitUntil(() => Boolean(dmCardFor(t, GROUP_LEAD.id, reference)));
      expect(readable(dmCardFor(t, GROUP_LEAD.id, reference))).toContain(WHAT);
      expect(readable(dmCardFor(t, GROUP_LEAD.id, reference))).toContain("Acknowledge");
      await waitUntil(() =>
        dmsOf(t, GROUP_LEAD.id).includes(
          `<@${PEOPLE.lead.id}> has recused themselves from *${reference}*: it is about them.`,
        ),
      );
      expect(dmCardFor(t, PEOPLE.lead.id, reference)).toBeUndefined();

      const detail = await stored(t, Number(reference.slice(4)), GROUP_LEAD.id);
      expect(detail?.concern).toMatchObject({ recused: [PEOPLE.lead.id], assigneeId: null });
      expect(
        detail?.audit.slice(-2).map((entry) => [entry.action, entry.actor, "note" in entry ? entry.note : null]),
      ).toEqual([
        ["recuse", `lead:${PEOPLE.lead.id}`, "it is about them"],
        ["assign", `lead:${PEOPLE.lead.id}`, "unassigned: the lead it was assigned to recused"],
      ]);
    });

    it("hides the concern from the recused lead everywhere: /concerns, App Home, the export and the report", async () => {
      const lead = PEOPLE.lead.id;
      const open = await concernsCommand(t, lead, "open");
      expect(open.reply).toContain(other);
      expect(open.reply).not.toContain(reference);
      expect((await concernsCommand(t, lead, "objective 1")).reply).not.toContain(reference);
      const detail = await concernsCommand(t, lead, reference);
      expect(detail.reply).toContain(`You have recused yourself from ${reference}`);
      expect(detail.reply).not.toContain("ophthalmology");
      const status = await concernsCommand(t, lead, `status ${reference}`);
      expect(status.reply).not.toContain("ophthalmology");

      await t.slack.appHomeOpened(lead);
      await waitUntil(() => readable(t.standin.homeViewOf(lead)?.blocks).includes("Concerns (for leads)"));
      expect(readable(t.standin.homeViewOf(lead)?.blocks)).toContain("New 1 · Acknowledged 0 · Resolved 0");
      await t.slack.appHomeOpened(GROUP_LEAD.id);
      await waitUntil(() => readable(t.standin.homeViewOf(GROUP_LEAD.id)?.blocks).includes("Concerns (for leads)"));
      expect(readable(t.standin.homeViewOf(GROUP_LEAD.id)?.blocks)).toContain("New 2 · Acknowledged 0 · Resolved 0");

      const uploads = () => t.standin.callsTo("files.completeUploadExternal").length;
      const before = uploads();
      await concernsCommand(t, lead, "export");
      await waitUntil(() => uploads() > before);
      const exported = t.standin.callsTo("files.completeUploadExternal").at(-1);
      const fileId = String((JSON.parse(String(exported?.params.files)) as Array<{ id: string }>)[0]?.id);
      const csv = t.standin.file(fileId)?.bytes?.toString("utf8") ?? "";
      expect(csv).toContain(other);
      expect(csv).not.toContain(reference);

      const quarter = quarterOf(new Date()).key;
      const report = await concernsCommand(t, lead, `report ${quarter}`);
      expect(report.reply).toContain("Concerns you have recused yourself from are not included.");
      await waitUntil(() => uploads() > before + 1);
      const reportFile = t.standin.callsTo("files.completeUploadExternal").at(-1);
      const reportId = String((JSON.parse(String(reportFile?.params.files)) as Array<{ id: string }>)[0]?.id);
      expect(t.standin.file(reportId)?.bytes?.toString("utf8")).toContain(
        "Concerns you have recused yourself from are not included.",
      );
      const forOther = await concernsCommand(t, GROUP_LEAD.id, `report ${quarter}`);
      expect(forOther.reply).not.toContain("recused");
    });

    it("refuses the recused lead's button presses, and lets the other lead act from the card in their DMs", async () => {
      await t.slack.blockAction({
        user: PEOPLE.lead.id,
        actionId: "concern_acknowledge",
        container: onDmCard(GROUP_LEAD.id),
      });
      await waitUntil(() =>
        t.standin
          .ephemeralsFor(PEOPLE.lead.id)
          .some((e) => e.text.includes(`You have recused yourself from ${reference}`)),
      );
      await t.slack.blockAction({
        user: GROUP_LEAD.id,
        actionId: "concern_acknowledge",
        container: onDmCard(GROUP_LEAD.id),
      });
      await waitUntil(() => readable(dmCardFor(t, GROUP_LEAD.id, reference)).includes(`${reference} · Acknowledged`));
      await waitUntil(() => dmsOf(t, PEOPLE.staff.id).includes(`*${reference}* has been acknowledged`));
      expect(readable(cardFor(t, reference))).not.toContain("Acknowledged");
    });

    it("sends the concern to the deputy once every lead has recused, and the deputy can resolve it", async () => {
      const view = await more(GROUP_LEAD.id, "recuse", onDmCard(GROUP_LEAD.id));
      await t.slack.viewSubmission({ user: GROUP_LEAD.id, viewId: view.id, values: { recuse_reason: "conflict" } });
      await waitUntil(() => Boolean(dmCardFor(t, DEPUTY.id, reference)));
      await waitUntil(() => dmsOf(t, DEPUTY.id).includes("so it comes to you as the deputy"));
      expect(dmsOf(t, DEPUTY.id)).toContain("they have a conflict of interest");
      expect(readable(dmCardFor(t, DEPUTY.id, reference))).toContain("it is with you as the deputy");
      await waitUntil(() => readable(dmCardFor(t, GROUP_LEAD.id, reference)).includes("handled in direct messages"));
      expect(readable(dmCardFor(t, GROUP_LEAD.id, reference))).not.toContain("ophthalmology");

      const open = await concernsCommand(t, DEPUTY.id, "open");
      expect(open.reply).toContain(reference);
      expect(open.reply).not.toContain(other);
      const detail = await concernsCommand(t, DEPUTY.id, reference);
      expect(detail.reply).toContain(`*Recused* <@${PEOPLE.lead.id}>, <@${GROUP_LEAD.id}>`);
      expect((await concernsCommand(t, DEPUTY.id, other)).reply).toContain("only concern leads");

      await t.slack.blockAction({ user: DEPUTY.id, actionId: "concern_resolve", container: onDmCard(DEPUTY.id) });
      const resolve = await modalOf(t, DEPUTY.id, "concern_lead_action");
      await t.slack.viewSubmission({
        user: DEPUTY.id,
        viewId: resolve.id,
        values: { lead_text: "The deputy took it to the governing body, which kept the decision." },
      });
      await waitUntil(() => readable(dmCardFor(t, DEPUTY.id, reference)).includes(`${reference} · Resolved`));
      await waitUntil(() => dmsOf(t, PEOPLE.staff.id).includes("has been resolved"));
      const audit = (await stored(t, Number(reference.slice(4)), DEPUTY.id))?.audit ?? [];
      expect(audit.map((entry) => [entry.action, entry.actor])).toEqual(
        expect.arrayContaining([
          ["recuse", `lead:${GROUP_LEAD.id}`],
          ["deputy", "system"],
          ["resolve", `deputy:${DEPUTY.id}`],
        ]),
      );
    });
  },
);

describe("a recusal that would leave a concern with nobody", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startConcernBot({ env: { CONCERN_LEAD_GROUP: "" } });
  });
  afterAll(() => t?.close());

  it("is refused when no deputy is set, saying what to do", async () => {
    const message = t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, "The Board set it.");
    await raiseFromMessage(t, PEOPLE.staff.id, message, FORM);
    const reference = referenceShownTo(t, PEOPLE.staff.id);
    const concernId = (await stored(t, Number(reference.slice(4))))?.concern.id ?? "";
    await waitUntil(() => Boolean(cardFor(t, reference)));
    await t.slack.blockAction({
      user: PEOPLE.lead.id,
      actionId: "concern_more",
      container: { type: "message", channel: TRIAGE.id, ts: cardFor(t, reference)?.ts ?? "" },
      value: `recuse:${concernId}`,
    });
    const view = await modalOf(t, PEOPLE.lead.id, "concern_recuse");
    const refused = await t.slack.viewSubmission({
      user: PEOPLE.lead.id,
      viewId: view.id,
      values: { recuse_reason: "about_me" },
    });
    expect(refused.effect).toMatchObject({ kind: "errors" });
    expect(readable(refused.effect)).toContain("no deputy is set");
    expect((await stored(t, Number(reference.slice(4))))?.concern.recused).toEqual([]);
    expect(readable(cardFor(t, reference))).toContain(reference);
  });
});
