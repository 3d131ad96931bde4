import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../../src/cli/main";
import type { Output } from "../../../../src/cli/output";
import { ManualClock } from "../../../../src/clock";
import { validateConcernDraft } from "../../../../src/features/concerns/domain/concern";
import { RECEIPT_PEPPER, type TestBot } from "../../../support/bot";
import { parseCsv } from "../../../support/csv";
import { concernsCommand, PEOPLE, startConcernBot, waitUntil } from "./support";

const root = path.resolve(import.meta.dirname, "../../../..");

/** London wall time in winter (GMT). */
const at = (iso: string) => new Date(`${iso}Z`);

async function cli(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const output: Output = { out: (text) => out.push(text), err: () => {} };
  const code = await runCli(args, output, { KNOWLEDGE_DIR: path.join(root, "knowledge"), ...env });
  return { code, out: out.join("\n") };
}

describe.each(["sqlite", "postgres"] as const)("the quarterly report for the governing body, on %s", (provider) => {
  const clock = new ManualClock(at("2013-01-07T10:00:00"));
  let t: TestBot;
  let views = 0;

  /** One concern raised at `raised` (London), acknowledged and resolved as asked, through the services. */
  async function concern(options: {
    objective: string;
    raised: string;
    acknowledged?: string;
    resolved?: { at: string; note: string; outcome: string };
  }) {
    const { concerns } = t.bot.core.features;
    const validation = validateConcernDraft({
      whatHappened: "The regional team decided something that belonged to our CCG.",
      objective: options.objective,
      body: "regional_team",
      impact: "medium",
      identityMode: "confidential",
    });
    if (!validation.ok) throw new Error("the draft is valid");
    clock.set(at(options.raised));
    views += 1;
    const submitted = await concerns.submissions.submit({
      workspaceId: t.standin.workspace.team.id,
      user: { id: PEOPLE.staff.id, name: PEOPLE.staff.name },
      draft: validation.draft,
      source: null,
      keepSourceLink: false,
      viewId: `Vreport${provider}${views}`,
      signposts: [],
      confirmableWhereRaised: true,
    });
    if (submitted.kind !== "created") throw new Error(submitted.kind);
    const request = {
      workspaceId: t.standin.workspace.team.id,
      leadId: PEOPLE.lead.id,
      concernId: submitted.concern.id,
    };
    if (options.acknowledged) {
      clock.set(at(options.acknowledged));
      await concerns.triage.act(request, "acknowledge");
    }
    if (options.resolved) {
      clock.set(at(options.resolved.at));
      await concerns.triage.act(request, "resolve", options.resolved.note, { outcome: options.resolved.outcome });
    }
  }

  beforeAll(async () => {
    t = await startConcernBot({ provider, clock });
    const outcomes = [
      "Area teams now route procurement advice through the CCG's own governing body.",
      "The Board withdrew the instruction to use the regional framework.",
      "Commissioning intentions are agreed locally before the network sees them.",
      "A standing item on CCG autonomy was added to the area team's agenda.",
      "The region's letter was corrected and reissued.",
    ];
    for (const [i, outcome] of outcomes.entries())
      await concern({
        objective: "1",
        raised: `2013-01-${String(7 + i).padStart(2, "0")}T10:00:00`,
        acknowledged: `2013-01-${String(8 + i).padStart(2, "0")}T10:00:00`,
        resolved: {
          at: `2013-01-${String(21 + i).padStart(2, "0")}T10:00:00`,
          note: `We raised the regional framework with the area team; decision ${i + 1} returned to the governing body.`,
          outcome,
        },
      });
    await concern({ objective: "1", raised: "2013-02-04T10:00:00", acknowledged: "2013-02-05T10:00:00" });
    await concern({ objective: "1", raised: "2013-02-11T10:00:00", acknowledged: "2013-02-15T10:00:00" });
    for (const day of ["04", "05", "06"]) await concern({ objective: "3", raised: `2013-03-${day}T10:00:00` });
    for (const day of ["07", "08"]) await concern({ objective: "not_sure", raised: `2013-03-${day}T10:00:00` });
    await concern({ objective: "2", raised: "2013-04-02T10:00:00" });
    clock.set(at("2013-04-03T09:00:00"));
  });
  afterAll(() => t?.close());

  const fileSent = async (before: number) => {
    await waitUntil(() => t.standin.callsTo("files.completeUploadExternal").length > before);
    const completed = t.standin.callsTo("files.completeUploadExternal").at(-1);
    const id = String((JSON.parse(String(completed?.params.files)) as Array<{ id: string }>)[0]?.id);
    const file = t.standin.file(id);
    return { name: file?.filename ?? "", text: file?.bytes?.toString("utf8") ?? "" };
  };

  it("reports a calendar quarter in Slack, counts under 5 shown as 'fewer than 5', with the whole report in the lead's DM", async () => {
    const before = t.standin.callsTo("files.completeUploadExternal").length;
    const { reply } = await concernsCommand(t, PEOPLE.lead.id, "report 2013Q1");
    expect(reply).toContain("CCG autonomy concerns: 2013 Q1 (January to March 2013)");
    expect(reply).toContain("2013Q1 is a calendar quarter; in NHS financial-year terms it is quarter 4 of 2012/13.");
    expect(reply).toContain("*Concerns raised*: 12");
    expect(reply).toContain(
      "*3. Developing specific commissioning and financial management capabilities*: fewer than 5",
    );
    expect(reply).toContain("regional framework (5)");

    const { name, text } = await fileSent(before);
    expect(name).toBe("concerns-report-2013Q1.md");
    expect(text).toContain("# CCG autonomy concerns: 2013 Q1 (January to March 2013)");
    expect(text).toContain("Concerns raised from 1 January 2013 to 31 March 2013 (London time)");
    expect(text).toContain("| 1. Transferring power to local organisations | 0 | fewer than 5 | not shown | 7 |");
    expect(text).toContain("| 2. Establishing the commissioning landscape | 0 | 0 | 0 | 0 |");
    expect(text).toContain(
      "| 3. Developing specific commissioning and financial management capabilities | fewer than 5 | 0 | 0 | fewer than 5 |",
    );
    expect(text).toContain("| Not sure | fewer than 5 | 0 | 0 | fewer than 5 |");
    expect(text).toContain("| All objectives | 5 | fewer than 5 | not shown | 12 |");
    expect(text).toContain("Acknowledged: median 1 working day, against a target of 2 working days (from 7 concerns).");
    expect(text).toContain("Within the target: not shown; later: fewer than 5; acknowledged in all: 7.");
    expect(text).toContain("Resolved: median 10 working days (from 5 concerns).");
    expect(text).toContain("- regional framework (5 concerns)");
    expect(text).toContain("- The Board withdrew the instruction to use the regional framework.");
    expect(text).toContain("Answers: 0");
    expect(text).not.toContain("The regional team decided something");
    expect(text).not.toContain(PEOPLE.staff.id);
  });

  it("sends the same figures as CSV when asked, and refuses anyone but a lead", async () => {
    const before = t.standin.callsTo("files.completeUploadExternal").length;
    await concernsCommand(t, PEOPLE.lead.id, "report 2013Q1 csv");
    const { name, text } = await fileSent(before);
    expect(name).toBe("concerns-report-2013Q1.csv");
    const rows = parseCsv(text);
    expect(rows).toContainEqual({
      Section: "By objective and status",
      Item: "3. Developing specific commissioning and financial management capabilities",
      Group: "New",
      Value: "fewer than 5",
    });
    const refused = await concernsCommand(t, PEOPLE.colleague.id, "report 2013Q1");
    expect(refused.reply).toContain("only concern leads");
    const wrong = await concernsCommand(t, PEOPLE.lead.id, "report last spring");
    expect(wrong.reply).toContain("calendar quarter, like `/concerns report 2013Q1`");
  });

  it("prints the report from the command line, as Markdown or CSV", async () => {
    const env = { DATABASE_URL: t.databaseUrl, CONCERN_RECEIPT_PEPPER: RECEIPT_PEPPER };
    const md = await cli(["concerns", "report", "--quarter", "2013Q1"], env);
    expect(md.code).toBe(0);
    expect(md.out).toContain("| All objectives | 5 | fewer than 5 | not shown | 12 |");
    const csv = await cli(["concerns", "report", "--quarter", "2013-Q2", "--format", "csv"], env);
    expect(csv.code).toBe(0);
    expect(parseCsv(csv.out)).toContainEqual({
      Section: "Concerns raised",
      Item: "All",
      Group: "",
      Value: "fewer than 5",
    });
    expect((await cli(["concerns", "report", "--quarter", "spring"], env)).code).toBe(2);
  });
});
