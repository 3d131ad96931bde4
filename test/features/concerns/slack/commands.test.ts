import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import { parseCsv } from "../../../support/csv";
import {
  CHANNELS,
  concernsCommand,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  waitUntil,
} from "./support";

describe("/concerns and App Home", () => {
  let t: TestBot;
  const refs = { named: "", confidential: "", anonymous: "", colleague: "" };
  beforeAll(async () => {
    t = await startConcernBot();
    const post = (text: string) => t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.lead.id, text);
    await raiseFromMessage(t, PEOPLE.staff.id, post("Named: the Board set our running costs."), {
      identity_mode: "named",
      objective: "3",
    });
    refs.named = referenceShownTo(t, PEOPLE.staff.id);
    await raiseFromMessage(t, PEOPLE.staff.id, post("Confidential: the senate picked our provider."), {
      identity_mode: "confidential",
      objective: "1",
    });
    refs.confidential = referenceShownTo(t, PEOPLE.staff.id);
    await raiseFromMessage(t, PEOPLE.staff.id, post("Anonymous: the region decided our budget."), {
      identity_mode: "anonymous",
      objective: "1",
    });
    refs.anonymous = referenceShownTo(t, PEOPLE.staff.id);
    await raiseFromMessage(t, PEOPLE.colleague.id, post('=HYPERLINK("http://evil") the network took our decision.'), {
      identity_mode: "named",
      objective: "not_sure",
      what_happened: "=SUM(A1) the network took our decision away.",
    });
    refs.colleague = referenceShownTo(t, PEOPLE.colleague.id);
  });
  afterAll(() => t?.close());

  it("lists a person's own named and confidential concerns, never the anonymous one", async () => {
    const { reply, params } = await concernsCommand(t, PEOPLE.staff.id, "");
    expect(params.response_type).toBe("ephemeral");
    expect(reply).toContain(refs.named);
    expect(reply).toContain(refs.confidential);
    expect(reply).not.toContain(refs.anonymous);
    expect(reply).not.toContain(refs.colleague);
  });

  it("shows a reporter their concern's status, and nobody else's", async () => {
    expect((await concernsCommand(t, PEOPLE.staff.id, `status ${refs.named}`)).reply).toContain(`${refs.named} · New`);
    const other = await concernsCommand(t, PEOPLE.colleague.id, `status ${refs.named}`);
    expect(other.reply).toContain("was not found");
    expect(other.reply).not.toContain("running costs");
  });

  it("gives leads the open concerns, those by objective, and the full record with its audit trail", async () => {
    const open = await concernsCommand(t, PEOPLE.lead.id, "open");
    for (const ref of Object.values(refs)) expect(open.reply).toContain(ref);
    const first = await concernsCommand(t, PEOPLE.lead.id, "objective 1");
    expect(first.reply).toContain(refs.confidential);
    expect(first.reply).toContain(refs.anonymous);
    expect(first.reply).not.toContain(refs.named);
    const detail = await concernsCommand(t, PEOPLE.lead.id, refs.named);
    expect(detail.reply).toContain("Audit trail");
    expect(detail.reply).toMatch(/submit by <@U0STAFF01>/);
    expect((await concernsCommand(t, PEOPLE.lead.id, "CON-9999")).reply).toContain("There is no CON-9999");
  });

  it("explains itself, and what it did not understand", async () => {
    const help = await concernsCommand(t, PEOPLE.lead.id, "help");
    expect(help.reply).toContain("For concern leads");
    const staffHelp = await concernsCommand(t, PEOPLE.staff.id, "help");
    expect(staffHelp.reply).not.toContain("For concern leads");
    expect((await concernsCommand(t, PEOPLE.staff.id, "frobnicate")).reply).toContain("didn't understand");
  });

  it("sends a lead a CSV of concerns in a date range by direct message, marking confidential reporters", async () => {
    const { reply } = await concernsCommand(t, PEOPLE.lead.id, "export 30d");
    expect(reply).toContain("4 concerns");
    const completed = await t.standin.waitForCall("files.completeUploadExternal");
    const fileId = String((JSON.parse(String(completed.params.files)) as Array<{ id: string }>)[0]?.id);
    const file = t.standin.file(fileId)!;
    expect(file.channels).toEqual([t.standin.workspace.dmWith(PEOPLE.lead.id).id]);
    const rows = parseCsv(file.bytes!.toString("utf8"));
    expect(rows.map((row) => row.Reference).sort()).toEqual(Object.values(refs).sort());
    const byRef = new Map(rows.map((row) => [row.Reference, row]));
    expect(byRef.get(refs.confidential)?.Reporter).toBe(`confidential: ${PEOPLE.staff.name} (${PEOPLE.staff.id})`);
    expect(byRef.get(refs.anonymous)?.Reporter).toBe("anonymous");
    expect(byRef.get(refs.colleague)?.Summary?.startsWith("'=SUM")).toBe(true);
    const old = await concernsCommand(t, PEOPLE.lead.id, "export 2020-01-01 2020-12-31");
    expect(old.reply).toContain("0 concerns");
  });

  it("shows 'My concerns' on App Home, and the counts to leads", async () => {
    await t.slack.appHomeOpened(PEOPLE.staff.id);
    await waitUntil(() => readable(t.standin.homeViewOf(PEOPLE.staff.id)?.blocks).includes("My concerns"));
    const staffHome = readable(t.standin.homeViewOf(PEOPLE.staff.id)?.blocks);
    expect(staffHome).toContain(refs.named);
    expect(staffHome).not.toContain(refs.anonymous);
    expect(staffHome).not.toContain("Concerns (for leads)");

    await t.slack.appHomeOpened(PEOPLE.lead.id);
    await waitUntil(() => readable(t.standin.homeViewOf(PEOPLE.lead.id)?.blocks).includes("Concerns (for leads)"));
    const leadHome = readable(t.standin.homeViewOf(PEOPLE.lead.id)?.blocks);
    expect(leadHome).toContain("New 4 · Acknowledged 0 · Resolved 0");
    expect(leadHome).toContain("1. Transferring power to local organisations: 2");
    expect(leadHome).toContain("Not sure: 1");

    const home = t.standin.homeViewOf(PEOPLE.staff.id)!;
    await t.slack.blockAction({
      user: PEOPLE.staff.id,
      actionId: "concern_new_from_home",
      container: { type: "view", viewId: home.id },
    });
    await waitUntil(() => t.standin.openViewsFor(PEOPLE.staff.id).at(-1)?.callback_id === "concern_form");
  });
});
