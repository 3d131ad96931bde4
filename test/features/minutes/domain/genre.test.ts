import { describe, expect, it } from "vitest";
import { buildMinutesDocument } from "../../../../src/features/minutes/domain/document";

/** Invented documents of the kinds published beside minutes. */
const read = (text: string) => buildMinutesDocument(text, { url: "https://example.org/d" });

describe("documents that are not minutes", () => {
  it("a press release", () => {
    const doc = read(`PRESS RELEASE

FOR IMMEDIATE RELEASE: Tuesday 2 April 2013

LOCAL GPs TAKE CHARGE OF HEALTH BUDGET

Family doctors have taken charge of planning local NHS services. At its meeting last Thursday the governing body approved its first commissioning plan.

Dr Jane Roe, Clinical Chair, said: "This is a big day for local health services."

ENDS

NOTES TO EDITORS
1. Clinical commissioning groups were established by the Health and Social Care Act 2012.
Media enquiries: Communications Team, 01632 960 702`);
    expect(doc).toMatchObject({ minutes: false, notMinutesReason: expect.stringMatching(/^a press release/) });
  });

  it("a news story about a meeting", () => {
    const doc = read(`GPs reject call to hand over part of local NHS budget

Family doctors yesterday turned down a request from NHS managers to hold back part of next year's budget for a regional fund.

At the governing body's meeting on Thursday, lay member Tom Hardy said the money would "in effect be spent on our patients without anyone here having a say".

Clinical chair Dr Amir Khan told the Courier: "The whole point of the reforms is that local doctors decide how local money is spent."

A spokeswoman for the area team said no decision had been made.`);
    expect(doc).toMatchObject({ minutes: false, notMinutesReason: expect.stringMatching(/^a news story/) });
  });

  it("an agenda", () => {
    const doc = read(`NHS Marsh Vale Clinical Commissioning Group
Governing Body meeting in public
AGENDA
Thursday 28 March 2013, 1.30pm, Civic Hall

Time | Ref | Item | Lead | Purpose | Paper
13:30 | 1 | Welcome and apologies | Chair | Note | -
13:35 | 2 | Declarations of interest | Chair | Note | -
13:40 | 3 | Minutes of the last meeting | Chair | Approve | A
14:00 | 4 | Finance report | Chief Finance Officer | Discuss | B
14:30 | 5 | Commissioning plan 2013/14 | Chief Officer | Approve | C`);
    expect(doc).toMatchObject({ minutes: false, notMinutesReason: "an agenda: items listed without minutes" });
  });

  it("a board paper", () => {
    const doc = read(`NHS Fen Vale Clinical Commissioning Group
REPORT TO THE GOVERNING BODY
Meeting date 28 February 2013
Agenda item 9
Title QIPP programme 2013/14
1. Purpose of the report
1.1 This report sets out the proposed QIPP programme for 2013/14.
2. Background
2.1 The CCG needs to deliver savings of £6.1m.
3. Recommendations
3.1 The Governing Body is asked to APPROVE the programme and NOTE the risks.`);
    expect(doc).toMatchObject({ minutes: false, notMinutesReason: expect.stringMatching(/^a board paper/) });
  });

  it("a page announcing meeting dates", () => {
    const doc = read(`Governing Body meetings in 2013

Our Governing Body meets in public every two months. Everyone is welcome.

Thursday 24 January 2013, 1.30pm, Civic Centre
Thursday 28 March 2013, 1.30pm, Civic Centre
Thursday 23 May 2013, 1.30pm, Town Hall
Thursday 25 July 2013, 1.30pm, Civic Centre
Thursday 26 September 2013, 1.30pm, Town Hall

Papers are published a week before each meeting.`);
    expect(doc).toMatchObject({ minutes: false, notMinutesReason: "an announcement of meeting dates, not minutes" });
  });

  it("a page giving meeting dates in a table, long venue names and all", () => {
    const row = (date: string) => `${date} | 2.00pm | The Marsh Room, Harbour Point, Solent Road, Marshton`;
    const doc = read(`Governing Body meeting dates 2013

Our Governing Body meets in public every two months. Minutes are published once they have been approved at the following meeting.

Date | Time | Venue
${["Tuesday 29 January 2013", "Tuesday 26 March 2013", "Tuesday 28 May 2013", "Tuesday 30 July 2013"].map(row).join("\n")}

If you would like to ask a question at a meeting, please send it to the Governing Body Secretary.`);
    expect(doc).toMatchObject({ minutes: false, notMinutesReason: "an announcement of meeting dates, not minutes" });
  });
});

describe("minutes", () => {
  it("are minutes even with a cover sheet asking the board to approve them", () => {
    const doc = read(`Paper title: Minutes of the Board meeting held in public on 17 January 2013
Purpose of paper
To present the minutes for approval.
Recommendation
The Board is asked to approve the minutes.
MINUTES OF THE BOARD MEETING HELD IN PUBLIC
Members present:
Sir Graham Pettifer – Chief Executive
Dame Eleanor Shaw – Non-Executive Director
Mr Neil Harcourt – Chief Financial Officer
1. Welcome and apologies
1.1 The Chair welcomed members.
2. Allocations
2.1 The Board noted the report and agreed the approach.`);
    expect(doc).toMatchObject({ minutes: true, notMinutesReason: null });
  });

  it("are minutes when short and plain, with nothing that marks another kind of document", () => {
    expect(read("Board notes\n\nThe Board noted the update on integration.")).toMatchObject({
      minutes: true,
      notMinutesReason: null,
    });
  });

  it("are minutes when they report what members said", () => {
    const doc = read(`Minutes of the Governing Body held on 13 December 2012
Present: Dr Amir Khan (Chair), Sarah Jones, Geoffrey Hallam
GB/12/106 Transformation fund
GH said that money top-sliced in this way would "in effect be spent by the area team without the Governing Body having any say".
Dr Khan said that any pooled fund had to be agreed by each governing body.
The Governing Body AGREED to reply to the area team.`);
    expect(doc.minutes).toBe(true);
  });
});
