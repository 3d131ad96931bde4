import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../support/bot";
import {
  CHANNELS,
  cardFor,
  PEOPLE,
  raiseFromMessage,
  readable,
  referenceShownTo,
  startConcernBot,
  TRIAGE,
  waitUntil,
} from "./support";

/** Invented minutes in the shape GOV.UK publishes them: one item is about CCG autonomy and objective 1. */
function minutesPage(extra = ""): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Accountability meeting, 10 December 2012 (test example)</title></head>
<body><main><h1>Accountability meeting between the Secretary of State and the NHS Commissioning Board, 10 December 2012 (test example)</h1>
<h2>Present</h2><ul><li>Secretary of State for Health (chair)</li><li>Chair, NHS Commissioning Board</li></ul>
<h2>1. Transferring power to local organisations</h2>
<p>The Chief Executive said that area teams should support CCGs and must not take commissioning decisions that belong to them.
The meeting agreed that the Board would publish, by March 2013, how it would measure the autonomy that CCGs actually exercise.</p>
<h2>2. Allocations</h2><p>The Director General set out the timetable for allocations to CCGs for 2013/14.${extra}</p>
<h2>Action log</h2><ul><li>Publish how the Board will measure CCG autonomy</li></ul>
</main></body></html>`;
}

describe.each(["sqlite", "postgres"] as const)("concerns meet the minutes, on %s", (provider) => {
  let t: TestBot;
  let file: string;
  let onObjective1: string;
  let onObjective4: string;
  beforeAll(async () => {
    t = await startConcernBot({ provider });
    const post = (text: string) => t.standin.workspace.postAsUser(CHANNELS.commissioning.id, PEOPLE.colleague.id, text);
    await raiseFromMessage(t, PEOPLE.staff.id, post("Area team says procurement must go through them."));
    onObjective1 = referenceShownTo(t, PEOPLE.staff.id);
    await raiseFromMessage(t, PEOPLE.staff.id, post("The HWB strategy was written for us."), { objective: "4" });
    onObjective4 = referenceShownTo(t, PEOPLE.staff.id);
    await waitUntil(() => Boolean(cardFor(t, onObjective1) && cardFor(t, onObjective4)));
    file = path.join(mkdtempSync(path.join(tmpdir(), "concern-minutes-")), "accountability-meeting-2012-12-10.html");
    writeFileSync(file, minutesPage());
  });
  afterAll(() => t?.close());

  const job = () => {
    const found = t.bot.core.features.concerns.minutesJob;
    if (!found) throw new Error("the bot registered the concerns feature, so it has a minutes job");
    return found;
  };
  const notes = (reference: string) =>
    t.standin.threadReplies(TRIAGE.id, cardFor(t, reference)?.ts ?? "").filter((m) => m.text.includes("discussed"));

  it("tells the leads once when newly ingested minutes discuss an open concern's objective and CCG autonomy", async () => {
    const ingested = await t.bot.core.features.minutes.ingest(file);
    const stored = await t.bot.core.features.minutes.reader.storedBetween(new Date(0), new Date(Date.now() + 60_000));
    const flagged = stored.flatMap((minutes) => minutes.items).filter((item) => item.autonomy);
    expect(flagged.some((item) => item.objectives.includes(1))).toBe(true);

    expect(await job().runOnce()).toBe(1);
    await waitUntil(() => notes(onObjective1).length > 0);
    const [note] = notes(onObjective1);
    expect(readable(note)).toContain("The 10 December 2012 meeting");
    expect(readable(note)).toContain("how it would measure the autonomy that CCGs actually exercise");
    expect(readable(note)).toContain(`Related to *${onObjective1}*?`);
    expect(String(t.standin.callsTo("chat.postMessage").at(-1)?.params.reply_broadcast)).toBe("true");
    expect(notes(onObjective4)).toHaveLength(0);

    expect(await job().runOnce()).toBe(0);
    const [again] = await t.bot.core.features.minutes.reader.storedBetween(new Date(0), new Date(Date.now() + 60_000));
    expect(await t.bot.core.features.concerns.onMinutesStored(again ? [again] : [])).toBe(0);
    writeFileSync(file, minutesPage(" The timetable was revised."));
    const revised = await t.bot.core.features.minutes.ingest(file);
    expect(revised.documents[0]?.documentId).toBe(ingested.documents[0]?.documentId);
    expect(revised.documents[0]?.version).toBe(2);
    expect(await job().runOnce()).toBe(0);
    expect(notes(onObjective1)).toHaveLength(1);
    expect(await t.bot.core.database.db.concernMinutesLink.count()).toBe(1);
  });
});
