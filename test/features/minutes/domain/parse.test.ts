import { describe, expect, it } from "vitest";
import { parseMinutes } from "../../../../src/features/minutes/domain/parse";
import type { MinutesDocument } from "../../../../src/features/minutes/domain/parse";
import { ownFile, sharedFile, splitHeader } from "../../../support/fixtures";

function parseShared(path: string, options: { useTitle?: boolean; feedDate?: Date } = {}): MinutesDocument {
  const { meta, body } = splitHeader(sharedFile(path));
  return parseMinutes(body, {
    url: meta.SOURCE ?? "https://example.org",
    ...(options.useTitle === false ? {} : { title: meta.TITLE }),
    ...(options.feedDate ? { feedDate: options.feedDate } : {}),
  });
}

const actionsOf = (doc: MinutesDocument) =>
  doc.items.filter((i) => i.kind === "action").map(({ text, owner, due }) => ({ text, owner, due }));

describe("parseMinutes: Transparency Board minutes, 8 June 2011 (verbatim)", () => {
  const doc = parseShared("fixtures/minutes/07-transparency-board-minutes-2011-06-08.txt");

  it("takes the meeting date from the title", () => {
    expect(doc.meetingDate).toBe("2011-06-08");
  });

  it("without a title, completes '8 June' with the year of the feed date", () => {
    const undated = parseShared("fixtures/minutes/07-transparency-board-minutes-2011-06-08.txt", {
      useTitle: false,
      feedDate: new Date("2011-07-15T09:00:00Z"),
    });
    expect(undated.meetingDate).toBe("2011-06-08");
    expect(undated.title).toBe("TRANSPARENCY BOARD: Minutes of the meeting held on 8 June at the Cabinet Office");
  });

  it("lists members, officials and presenters as attendees, without their roles", () => {
    expect(doc.attendees).toContain("Francis Maude");
    expect(doc.attendees).toContain("Professor Nigel Shadbolt");
    expect(doc.attendees).toContain("Tim Kelsey");
    expect(doc.attendees).toContain("Earl Howe");
    expect(doc.attendees).toContain("Karen Sanderson");
    expect(doc.attendees).toHaveLength(23);
    expect(doc.attendees.some((name) => /[()]|Board|Officials|Presenters/.test(name))).toBe(false);
  });

  it("keeps apologies apart", () => {
    expect(doc.apologies).toEqual(["Sir Tim Berners-Lee"]);
    expect(doc.attendees).not.toContain("Sir Tim Berners-Lee");
  });

  it("reads every action with its owner and the month it is due (end of month)", () => {
    expect(actionsOf(doc)).toEqual([
      {
        text: "The Transparency Director will present on The Open Government Partnership at a future Transparency Board.",
        owner: "Transparency Director",
        due: "2011-09-30",
      },
      {
        text: "A letter from the MCO will be circulated to departments to accompany the terms of reference for the new Sector Transparency Boards",
        owner: null,
        due: "2011-06-30",
      },
      {
        text: "HMT financial reporting policy team to consider workshop challenge approach recommended by the Board.",
        owner: "HMT financial reporting policy team",
        due: "2011-07-31",
      },
      {
        text: "Transparency team officials to liaise with CLG, ShEx and CO colleagues in the first instance to raise the issue of policy ownership.",
        owner: "Transparency team officials",
        due: "2011-08-31",
      },
      {
        text: "CLG to provide the Transparency Board with a copy of the proposed agreement between CLG and the data provider for comment.",
        owner: "CLG",
        due: "2011-06-30",
      },
    ]);
  });

  it("files items under the un-numbered headings", () => {
    const headings = [...new Set(doc.items.map((i) => i.heading))];
    expect(headings).toEqual([
      "Welcome and Introductions",
      "Prime Minister’s letter and Strategy update",
      "Transparency Strategy general update",
      "Local Public Data Panel update",
      "Data from the Health Sector",
      "Improving the quality of financial data",
      "Demonstration of the Contract Finder website",
      "Public Sector Mapping Agreement",
    ]);
  });

  it("marks 'The Board noted...' and 'It was agreed...' as decisions, narrative as discussion", () => {
    const kindOf = (start: string) => doc.items.find((i) => i.text.startsWith(start))?.kind;
    expect(kindOf("It was agreed that the generic name for these panels")).toBe("decision");
    expect(kindOf("The Board noted that process reform is central")).toBe("decision");
    expect(kindOf("Dr Mark Davies presented to the Board")).toBe("discussion");
    expect(kindOf("there were still manual processes")).toBe("discussion");
  });

  it("drops the 'following points were made' lead-in and keeps the points", () => {
    expect(doc.items.some((i) => /following points were made/.test(i.text))).toBe(false);
    expect(doc.items.find((i) => i.text.startsWith("The Board thanked the Treasury"))?.text).toBe(
      "The Board thanked the Treasury for the presentation and for the work done to deliver the Transparency commitment.",
    );
  });

  it("does not turn attendance lines or the opening lines into items", () => {
    expect(doc.items[0]?.text).toBe("The Chair welcomed all attendees, and noted apologies.");
    expect(doc.items.some((i) => i.text.includes("Francis Maude"))).toBe(false);
  });
});

describe("parseMinutes: NHS CB Authority private Board, 19 July 2012 (digest)", () => {
  it("dates the meeting from the title, not the stale 31 May sub-heading", () => {
    const doc = parseShared("fixtures/minutes/04-nhscba-private-board-minutes-2012-07-19.txt");
    expect(doc.meetingDate).toBe("2012-07-19");
  });

  it("dates our own copy of that layout right with no hints at all", () => {
    const doc = parseMinutes(ownFile("private-board-minutes-template-date.txt").toString("utf8"), { url: "https://example.org/m" });
    expect(doc.meetingDate).toBe("2012-07-19");
  });

  it("reads the present and apologies lists, dropping the roles", () => {
    const doc = parseShared("fixtures/minutes/04-nhscba-private-board-minutes-2012-07-19.txt");
    expect(doc.attendees).toHaveLength(16);
    expect(doc.attendees.slice(0, 2)).toEqual(["Professor Malcolm Grant", "Sir David Nicholson"]);
    expect(doc.attendees).toContain("Mr Ian Dalton");
    expect(doc.apologies).toEqual(["Ms Margaret Casely-Hayford", "Sir Bruce Keogh"]);
  });

  it("reads the numbered items and the approval of the previous minutes as a decision", () => {
    const doc = parseShared("fixtures/minutes/04-nhscba-private-board-minutes-2012-07-19.txt");
    const first = doc.items.find((i) => i.heading === "MINUTES OF PREVIOUS MEETING (digest)");
    expect(first?.kind).toBe("decision");
    expect(first?.text).toMatch(/^The minutes of the previous meeting \(31 May 2012\) were approved/);
  });
});

describe("parseMinutes: actions in our own private Board document", () => {
  const doc = parseMinutes(ownFile("private-board-minutes-template-date.txt").toString("utf8"), { url: "https://example.org/m" });

  it("reads inline apologies and the attendance list", () => {
    expect(doc.attendees).toEqual(["Professor Malcolm Grant", "Sir David Nicholson", "Mr Paul Baumann"]);
    expect(doc.apologies).toEqual(["Sir Bruce Keogh", "Ms Margaret Casely-Hayford"]);
  });

  it("reads owners and dates in each way minutes write them", () => {
    expect(actionsOf(doc)).toEqual([
      {
        text: "The Board agreed that the business plan should be revised to reflect the letter of 23 April 2012.",
        owner: "PB",
        due: null,
      },
      { text: "Tim Kelsey to circulate the revised information strategy by 31 August", owner: "Tim Kelsey", due: "2012-08-31" },
      { text: "The Board Secretary will arrange a seminar on CCG authorisation", owner: "Lorraine Middlemas", due: "2012-09-30" },
      { text: "A note on the transition will be prepared for the next meeting", owner: null, due: null },
    ]);
  });

  it("joins a paragraph wrapped over several lines", () => {
    expect(doc.items.find((i) => i.heading === "BUSINESS PLAN AND BUDGET")?.text).toBe(
      "The Chief Financial Officer presented the draft business plan and the budget for 2013/14. Members discussed the running cost allowance and the share of the budget to be delegated to clinical commissioning groups.",
    );
  });
});

describe("parseMinutes: due dates are resolved against the meeting date", () => {
  const dueIn = (meeting: string) =>
    parseMinutes(`Board minutes, ${meeting}\n\nAction: Tim Kelsey to circulate by 30 June`, { url: "u" }).items[0];

  it("a day and month after the meeting falls in the same year", () => {
    expect(dueIn("8 June 2011")).toMatchObject({ kind: "action", owner: "Tim Kelsey", due: "2011-06-30" });
  });

  it("a day and month before the meeting falls in the next year", () => {
    expect(dueIn("19 July 2012")?.due).toBe("2013-06-30");
  });
});

describe("parseMinutes: accountability meetings with the Secretary of State (digests)", () => {
  it("25 June 2012: date from the title and the attendance list, without group labels", () => {
    const doc = parseShared("sources/03-accountability-meeting-2012-06-25-sos-nhscba.txt");
    expect(doc.meetingDate).toBe("2012-06-25");
    expect(doc.attendees).toEqual([
      "Rt Hon Andrew Lansley CBE MP",
      "Richard Douglas",
      "Andrew Sanderson",
      "Private Secretary to the Secretary of State",
      "Professor Malcolm Grant",
      "Sir David Nicholson",
      "Bill McCarthy",
    ]);
    expect(doc.items.map((i) => i.text)).toContain("Progress on developing clinical commissioning groups.");
  });

  it("30 April 2012: date and participants", () => {
    const doc = parseShared("sources/02-accountability-meeting-2012-04-30-sos-nhscba.txt");
    expect(doc.meetingDate).toBe("2012-04-30");
    expect(doc.attendees.slice(0, 3)).toEqual(["Rt Hon Andrew Lansley MP", "Professor Malcolm Grant", "Sir David Nicholson"]);
    const decided = doc.items.find((i) => i.text.startsWith("The Secretary of State decided the minutes would be published"));
    expect(decided?.kind).toBe("decision");
  });
});

describe("parseMinutes: CCG governing body and NHS England Board (digests)", () => {
  it("Barnsley CCG: present, in attendance and apologies", () => {
    const doc = parseShared("fixtures/minutes/05-barnsley-ccg-governing-body-minutes-2012-12-13.txt");
    expect(doc.meetingDate).toBe("2012-12-13");
    expect(doc.attendees).toContain("Dr Nick Balac");
    expect(doc.attendees).toContain("Ms Kay Morgan");
    expect(doc.attendees).toHaveLength(17);
    expect(doc.apologies).toEqual(["Marie Hoyle", "Brigid Reid"]);
  });

  it("NHS England Board: numbered paragraphs and apologies given in a sentence", () => {
    const doc = parseShared("fixtures/minutes/06-nhs-england-board-public-minutes-2024-07-25.txt");
    expect(doc.meetingDate).toBe("2024-07-25");
    expect(doc.attendees).toContain("Richard Meddings");
    expect(doc.attendees).toContain("Professor the Baroness Watkins");
    expect(doc.attendees).toContain("Steve Russell");
    expect(doc.apologies).toEqual(["Mark Bailie", "Sir David Behan", "Vin Diwakar", "Wol Kolade", "Sarah-Jane Marsh"]);
    expect(doc.items[0]).toMatchObject({ text: "The Chair welcomed everyone.", kind: "discussion", heading: "WELCOME (digest)" });
  });
});

describe("parseMinutes: where the attendance list ends", () => {
  it("stops at the first bullet that is a sentence rather than a person", () => {
    const doc = parseMinutes(
      "Governing Body minutes, 3 May 2012\n\nPRESENT\n- Dr A Patel - Chair\n- Ms B Jones - Lay Member\n- The minutes of the last meeting were approved.",
      { url: "u" },
    );
    expect(doc.attendees).toEqual(["Dr A Patel", "Ms B Jones"]);
    expect(doc.items).toEqual([
      { text: "The minutes of the last meeting were approved.", kind: "decision", owner: null, due: null },
    ]);
  });
});

describe("parseMinutes: dates and titles from hints", () => {
  it("falls back to the feed date (London) when the text has no date", () => {
    const doc = parseMinutes("Board notes\n\nThe Board noted the update on integration.", {
      url: "u",
      feedDate: new Date("2012-06-30T23:30:00Z"),
    });
    expect(doc.meetingDate).toBe("2012-07-01");
    expect(doc.title).toBe("Board notes");
    expect(doc.items).toEqual([
      { text: "The Board noted the update on integration.", kind: "decision", owner: null, due: null },
    ]);
  });

  it("has no date when neither the text nor the feed gives one", () => {
    expect(parseMinutes("Notes\n\nThe group met.", { url: "u" }).meetingDate).toBeNull();
  });
});
