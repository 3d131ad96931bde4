import { describe, expect, it } from "vitest";
import type { MinutesDocument } from "../../../../src/features/minutes/domain/parse";
import { parseMinutes } from "../../../../src/features/minutes/domain/parse";
import { ownDocumentHints, ownFile, ownText } from "../../../support/fixtures";

/** One of our plain-text documents, parsed with the address and title its page or feed would give. */
function parseOwn(name: string, options: { useTitle?: boolean; feedDate?: Date } = {}): MinutesDocument {
  const { url, title } = ownDocumentHints(name);
  return parseMinutes(ownText(name), {
    url,
    ...(options.useTitle === false ? {} : { title }),
    ...(options.feedDate ? { feedDate: options.feedDate } : {}),
  });
}

const actionsOf = (doc: MinutesDocument) =>
  doc.items.filter((i) => i.kind === "action").map(({ text, owner, due }) => ({ text, owner, due }));

describe("parseMinutes: Open Health Data Board minutes, 12 October 2011 (complete minutes)", () => {
  const doc = parseOwn("open-health-data-board-2011-10-12.txt");

  it("takes the meeting date from the title", () => {
    expect(doc.meetingDate).toBe("2011-10-12");
  });

  it("without a title, completes '12 October' with the year of the feed date", () => {
    const undated = parseOwn("open-health-data-board-2011-10-12.txt", {
      useTitle: false,
      feedDate: new Date("2011-11-18T09:00:00Z"),
    });
    expect(undated.meetingDate).toBe("2011-10-12");
    expect(undated.title).toBe(
      "OPEN HEALTH DATA BOARD: Minutes of the meeting held on 12 October at Quarry House, Leeds",
    );
  });

  it("lists members, officials and presenters as attendees, without their roles", () => {
    expect(doc.attendees).toContain("Margaret Ainsworth");
    expect(doc.attendees).toContain("Professor Daniel Okoro");
    expect(doc.attendees).toContain("Colin Barraclough");
    expect(doc.attendees).toContain("Lord Felsham");
    expect(doc.attendees).toContain("Isabel de Vries");
    expect(doc.attendees).toContain("Sunita Kapoor");
    expect(doc.attendees).toHaveLength(20);
    expect(doc.attendees.some((name) => /[()]|Board|Officials|Presenters|Department/.test(name))).toBe(false);
  });

  it("keeps apologies apart", () => {
    expect(doc.apologies).toEqual(["Sir Geoffrey Harland"]);
    expect(doc.attendees).not.toContain("Sir Geoffrey Harland");
  });

  it("reads every action with its owner and the month it is due (end of month, the next year once the month has passed)", () => {
    expect(actionsOf(doc)).toEqual([
      {
        text: "The Data Services Director will report on the national clinical audit programme at a future Board.",
        owner: "Data Services Director",
        due: "2012-01-31",
      },
      {
        text: "A letter from the Chair will be sent to strategic health authorities with the terms of reference for the new Regional Data Panels",
        owner: null,
        due: "2011-10-31",
      },
      {
        text: "DH finance team to draft guidance for trusts on publishing spending over £500.",
        owner: "DH finance team",
        due: "2011-11-30",
      },
      {
        text: "Secretariat officials to liaise with NHS Information Centre and Ordnance Survey colleagues in the first instance to settle who owns address data policy.",
        owner: "Secretariat officials",
        due: "2011-12-31",
      },
      {
        text: "The NHS Information Centre to provide the Board with a copy of the proposed agreement between the Department and the data supplier for comment.",
        owner: "NHS Information Centre",
        due: "2011-10-31",
      },
    ]);
  });

  it("files items under the un-numbered headings", () => {
    const headings = [...new Set(doc.items.map((i) => i.heading))];
    expect(headings).toEqual([
      "Welcome and Introductions",
      "Chair’s letter to the Secretary of State and work programme",
      "Data strategy general update",
      "Regional Data Panels update",
      "Data from general practice",
      "Improving the quality of spending data",
      "Demonstration of the hospital comparison website",
      "Address and mapping data agreement",
    ]);
  });

  it("marks 'The Board noted...' and 'It was agreed...' as decisions, narrative as discussion", () => {
    const kindOf = (start: string) => doc.items.find((i) => i.text.startsWith(start))?.kind;
    expect(kindOf("It was agreed that the panels would be called")).toBe("decision");
    expect(kindOf("The Board noted that changing how data is collected")).toBe("decision");
    expect(kindOf("Dr Kwame Asante presented to the Board")).toBe("discussion");
    expect(kindOf("most organisations still prepared the data by hand")).toBe("discussion");
  });

  it("drops the 'following points were made' lead-in and keeps the points", () => {
    expect(doc.items.some((i) => /following points were made/.test(i.text))).toBe(false);
    expect(doc.items.find((i) => i.text.startsWith("The Board thanked the Department’s finance team"))?.text).toBe(
      "The Board thanked the Department’s finance team for the presentation and for the progress made.",
    );
  });

  it("does not turn attendance lines or the opening lines into items", () => {
    expect(doc.items[0]?.text).toBe("The Chair welcomed members and presenters, and noted apologies.");
    expect(doc.items.some((i) => i.text.includes("Margaret Ainsworth"))).toBe(false);
  });
});

describe("parseMinutes: NHS CB Authority private Board, 20 September 2012", () => {
  it("dates the meeting from the title, not the stale 16 August sub-heading", () => {
    const doc = parseOwn("nhscba-private-board-2012-09-20.txt");
    expect(doc.meetingDate).toBe("2012-09-20");
  });

  it("dates our own copy of that layout right with no hints at all", () => {
    const doc = parseMinutes(ownFile("private-board-minutes-template-date.txt").toString("utf8"), {
      url: "https://example.org/m",
    });
    expect(doc.meetingDate).toBe("2012-07-19");
  });

  it("reads the present and apologies lists, dropping the roles", () => {
    const doc = parseOwn("nhscba-private-board-2012-09-20.txt");
    expect(doc.attendees).toHaveLength(16);
    expect(doc.attendees.slice(0, 2)).toEqual(["Dr Helen Marsh", "Mr Owen Pritchard"]);
    expect(doc.attendees).toContain("Mr Dominic Hale");
    expect(doc.apologies).toEqual(["Mr Nicholas Wren", "Professor Iain Munro"]);
  });

  it("reads the numbered items and the approval of the previous minutes as a decision", () => {
    const doc = parseOwn("nhscba-private-board-2012-09-20.txt");
    const first = doc.items.find((i) => i.heading === "MINUTES OF PREVIOUS MEETING");
    expect(first?.kind).toBe("decision");
    expect(first?.text).toMatch(/^The minutes of the previous meeting \(16 August 2012\) were approved/);
  });
});

describe("parseMinutes: actions in our own private Board document", () => {
  const doc = parseMinutes(ownFile("private-board-minutes-template-date.txt").toString("utf8"), {
    url: "https://example.org/m",
  });

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
      {
        text: "Tim Kelsey to circulate the revised information strategy by 31 August",
        owner: "Tim Kelsey",
        due: "2012-08-31",
      },
      {
        text: "The Board Secretary will arrange a seminar on CCG authorisation",
        owner: "Lorraine Middlemas",
        due: "2012-09-30",
      },
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

describe("parseMinutes: accountability meetings with the Secretary of State", () => {
  it("22 October 2012: date from the title and the attendance list, without group labels or posts", () => {
    const doc = parseOwn("accountability-meeting-2012-10-22.txt");
    expect(doc.meetingDate).toBe("2012-10-22");
    expect(doc.attendees).toEqual([
      "Rt Hon Alan Fairweather MP",
      "Margaret Ilsley",
      "Owen Tattersall",
      "Dr Helen Marsh",
      "Owen Pritchard",
      "Miriam Stannard",
    ]);
    expect(doc.items.map((i) => i.text)).toContain("Progress on authorising clinical commissioning groups.");
  });

  it("20 August 2012: date and participants", () => {
    const doc = parseOwn("accountability-meeting-2012-08-20.txt");
    expect(doc.meetingDate).toBe("2012-08-20");
    expect(doc.attendees.slice(0, 3)).toEqual(["Rt Hon Alan Fairweather MP", "Dr Helen Marsh", "Owen Pritchard"]);
    const decided = doc.items.find((i) =>
      i.text.startsWith("The Secretary of State decided the minutes would be published"),
    );
    expect(decided?.kind).toBe("decision");
  });
});

describe("parseMinutes: CCG governing body and integrated care board", () => {
  it("Wharfedale CCG: present, in attendance and apologies", () => {
    const doc = parseOwn("wharfedale-ccg-governing-body-2013-01-10.txt");
    expect(doc.meetingDate).toBe("2013-01-10");
    expect(doc.attendees).toContain("Dr Alison Thwaite");
    expect(doc.attendees).toContain("Ms Amira Haddad");
    expect(doc.attendees).toHaveLength(17);
    expect(doc.apologies).toEqual(["Ruth Metcalfe", "Dennis Hirst"]);
  });

  it("Dalesway ICB Board: numbered paragraphs and apologies given in a sentence", () => {
    const doc = parseOwn("dalesway-icb-board-2024-09-26.txt");
    expect(doc.meetingDate).toBe("2024-09-26");
    expect(doc.attendees).toContain("Jennifer Oakes");
    expect(doc.attendees).toContain("Professor the Baroness Grassington");
    expect(doc.attendees).toContain("Owen Gallagher");
    expect(doc.apologies).toEqual(["Martin Crowther", "Dr Olu Adeyemi", "Sue Bramley", "Simon Pell"]);
    expect(doc.items[0]).toMatchObject({
      text: "The Chair welcomed everyone.",
      kind: "discussion",
      heading: "WELCOME",
    });
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

  it("reads a 'held on' date that a PDF title wrapped between its month and its year", () => {
    const doc = parseMinutes(
      [
        "NHS Brackley Down Clinical Commissioning Group",
        "",
        "Minutes of the Governing Body meeting held in public on Thursday 23 January",
        "",
        "2014, 1.30pm",
        "",
        "Council Chamber, Brackley Guildhall",
        "",
        "Present",
        "Dr Ann Pemberton, Chair",
        "",
        "1. Welcome and apologies",
        "The Chair welcomed members.",
      ].join("\n"),
      { url: "u", feedDate: new Date("2014-03-02T10:00:00Z") },
    );
    expect(doc.meetingDate).toBe("2014-01-23");
  });

  it("has no date when neither the text nor the feed gives one", () => {
    expect(parseMinutes("Notes\n\nThe group met.", { url: "u" }).meetingDate).toBeNull();
  });
});

describe("parseMinutes: a date line with the venue under it, and actions naming only who and when", () => {
  const doc = parseMinutes(
    [
      "NHS Holloway Dale Clinical Commissioning Group",
      "Minutes of the Governing Body",
      "14 March 2013",
      "Boardroom, Quarry House, Leeds",
      "Present: Dr Ann Pemberton (Chair), Robert Kaye (Chief Officer), Ruth Ingleby (Lay Member)",
      "",
      "1. Welcome",
      "The Chair welcomed members.",
      "",
      "2. Running costs",
      "The Chief Officer reported on running costs for 2013/14. The plan would be revised for the area team.",
      "ACTION: RK by 30 June",
      "",
      "3. Commissioning support",
      "Members asked for the service catalogue to be compared with the CSU's prices.",
      "ACTION: RI/AP – by the next meeting",
    ].join("\n"),
    { url: "https://ccg.example/minutes.txt" },
  );

  it("takes a date on a line of its own as the meeting date, and neither it nor the venue as an item or a person", () => {
    expect(doc.meetingDate).toBe("2013-03-14");
    expect(doc.attendees).toEqual(["Dr Ann Pemberton", "Robert Kaye", "Ruth Ingleby"]);
    expect(doc.items.map((item) => item.heading)).not.toContain("March 2013");
    expect(doc.items.some((item) => item.text.includes("Quarry House"))).toBe(false);
  });

  it("reads 'ACTION: XX by date' as the owner and due date of the sentence before it", () => {
    expect(actionsOf(doc)).toEqual([
      { text: "The plan would be revised for the area team.", owner: "RK", due: "2013-06-30" },
      {
        text: "Members asked for the service catalogue to be compared with the CSU's prices.",
        owner: "RI/AP",
        due: null,
      },
    ]);
  });
});

describe("parseMinutes: a venue naming a room, and resolutions that only note", () => {
  const doc = parseMinutes(
    [
      "Minutes of the Governing Body meeting held in public",
      "9 May 2013",
      "Seminar Room, Eastgate Health Centre, Mill Lane, Eastgate",
      "",
      "Present:",
      "Dr Tomasz Nowak, Chair",
      "Heather Blamire, Chief Officer",
      "",
      "1. Finance report",
      "RESOLVED: That the report be noted.",
      "",
      "2. Engagement",
      "RESOLVED: That the Chief Officer write to Healthwatch Eastgate.",
    ].join("\n"),
    { url: "https://ccg.example/minutes.txt" },
  );

  it("does not take the room of the venue line for a person", () => {
    expect(doc.attendees).toEqual(["Dr Tomasz Nowak", "Heather Blamire"]);
  });

  it("takes a resolution telling a named post to act as an action, and 'That the report be noted' as none", () => {
    expect(actionsOf(doc).map((action) => action.owner)).toEqual(["Chief Officer"]);
  });
});

describe("parseMinutes: a venue whose first part ends in a word that is also a surname", () => {
  const doc = parseMinutes(
    [
      "Minutes of the Governing Body meeting in public",
      "24 January 2013",
      "Main Hall, Corby Vale Community Centre, Mill Lane",
      "Present: Dr Ann Pemberton (Chair), Jennifer Hall (Chief Nurse)",
      "",
      "1. Welcome",
      "The Chair welcomed members.",
    ].join("\n"),
    { url: "https://ccg.example/minutes.html" },
  );

  it("does not take the hall of the venue line for a person, and keeps a person named Hall", () => {
    expect(doc.attendees).toEqual(["Dr Ann Pemberton", "Jennifer Hall"]);
  });
});

describe("parseMinutes: a venue line naming a lecture theatre", () => {
  const doc = parseMinutes(
    [
      "Minutes of the Shadow Governing Body meeting in public",
      "7 February 2013",
      "Lecture Theatre, Penrose Education Centre, Quay Street",
      "Present: Dr Colm Hardy (Chair), Ruth Ainsley (Chief Officer)",
      "",
      "1. Welcome",
      "The Chair welcomed members.",
    ].join("\n"),
    { url: "https://ccg.example/minutes.html" },
  );

  it("does not take the theatre for a person", () => {
    expect(doc.attendees).toEqual(["Dr Colm Hardy", "Ruth Ainsley"]);
  });
});
