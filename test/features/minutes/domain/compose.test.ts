import { describe, expect, it } from "vitest";
import type { DigestDocument, DigestKeyPoints } from "../../../../src/features/minutes/domain/compose";
import {
  actionText,
  composeDigest,
  documentMatches,
  isBoilerplate,
  repeatedSentences,
  withoutBoilerplate,
} from "../../../../src/features/minutes/domain/compose";
import { buildMinutesDocument } from "../../../../src/features/minutes/domain/document";
import { periodOf } from "../../../../src/features/minutes/domain/runs";

const period = periodOf(
  { frequency: "weekly", weekday: 1, time: "09:00", timeZone: "Europe/London" },
  new Date("2026-03-18T12:00:00Z"),
);

type Item = DigestDocument["items"][number];
const item = (text: string, tags: Item["tags"] = [], kind: Item["kind"] = "discussion", autonomy = false): Item => ({
  text,
  kind,
  owner: null,
  due: null,
  tags,
  autonomy,
});
const action = (text: string, owner: string | null, extra: Partial<Item> = {}): Item => ({
  ...item(text, [], "action"),
  owner,
  ...extra,
});
const doc = (items: Item[], overrides: Partial<DigestDocument> = {}): DigestDocument => ({
  title: "Accountability meeting (example)",
  url: "https://www.gov.uk/government/publications/example",
  meetingDate: "2026-03-10",
  updated: false,
  items,
  ...overrides,
});
const pointCount = (keyPoints: { points: unknown[] }[]) => keyPoints.reduce((n, g) => n + g.points.length, 0);
const texts = (keyPoints: DigestKeyPoints[] = []) =>
  keyPoints.map((group) => ({ objective: group.objective, points: group.points.map((point) => point.text) }));

describe("composeDigest", () => {
  it("labels the period in London dates", () => {
    expect(composeDigest({ period, documents: [] }).periodLabel).toBe("16–23 March 2026");
  });

  it("is empty with no documents and no concerns", () => {
    expect(composeDigest({ period, documents: [], concernCounts: [{ objective: 1, count: 0 }] }).empty).toBe(true);
    expect(composeDigest({ period, documents: [], concernCounts: [{ objective: 1, count: 2 }] }).empty).toBe(false);
  });

  it("gives at most 5 key points, the highest scores, grouped by objective in number order, in the minutes' order", () => {
    const items = [
      item("Low relevance to partners.", [{ objective: 4, score: 0.5 }]),
      item("CCG budgets will be delegated.", [
        { objective: 1, score: 0.9 },
        { objective: 3, score: 0.75 },
      ]),
      item("Finance capability is building.", [{ objective: 3, score: 0.8 }]),
      item("Authorisation of CCGs continues.", [{ objective: 2, score: 0.7 }]),
      item("Transfer of power is on track.", [{ objective: 1, score: 0.85 }]),
      item("Another finance point.", [{ objective: 3, score: 0.6 }]),
      item("The wifi failed."),
    ];
    const [composed] = composeDigest({ period, documents: [doc(items)] }).documents;
    expect(pointCount(composed?.keyPoints ?? [])).toBe(5);
    expect(texts(composed?.keyPoints)).toEqual([
      { objective: 1, points: ["CCG budgets will be delegated.", "Transfer of power is on track."] },
      { objective: 2, points: ["Authorisation of CCGs continues."] },
      { objective: 3, points: ["Finance capability is building.", "Another finance point."] },
    ]);
  });

  it("fills up to 2 points from untagged items, decisions first", () => {
    const items = [
      item("The Chair opened the meeting."),
      item("The Board approved the annual report.", [], "decision"),
      item("CCG budgets will be delegated.", [{ objective: 1, score: 0.9 }]),
    ];
    const [composed] = composeDigest({ period, documents: [doc(items)] }).documents;
    expect(texts(composed?.keyPoints)).toEqual([
      { objective: 1, points: ["CCG budgets will be delegated."] },
      { objective: null, points: ["The Board approved the annual report."] },
    ]);
  });

  it("lists actions separately with owner and due date", () => {
    const items = [
      item("The Board agreed the plan.", [{ objective: 3, score: 0.5 }], "decision"),
      {
        ...item("Tim Kelsey to circulate the strategy by 30 June.", [], "action"),
        owner: "Tim Kelsey",
        due: "2026-06-30",
      },
    ];
    const [composed] = composeDigest({ period, documents: [doc(items, { updated: true })] }).documents;
    expect(composed?.updated).toBe(true);
    expect(composed?.actions).toEqual([
      {
        text: "Tim Kelsey to circulate the strategy by 30 June.",
        owner: "Tim Kelsey",
        ownerInText: true,
        due: "2026-06-30",
        autonomy: false,
      },
    ]);
    expect(pointCount(composed?.keyPoints ?? [])).toBe(1);
  });

  it("trims a long point to its first sentence, or to about 280 characters", () => {
    const longSentence = `The Board discussed ${"the commissioning budget and its allocation to clinical commissioning groups, ".repeat(6)}at length.`;
    const items = [
      item(`The Board agreed the budget for CCGs. ${"More detail follows here. ".repeat(20)}`, [
        { objective: 3, score: 0.9 },
      ]),
      item(longSentence, [{ objective: 3, score: 0.8 }]),
    ];
    const points = (composeDigest({ period, documents: [doc(items)] }).documents[0]?.keyPoints[0]?.points ?? []).map(
      (point) => point.text,
    );
    expect(points[0]).toBe("The Board agreed the budget for CCGs. More detail follows here.");
    expect(points[1]?.length).toBeLessThanOrEqual(280);
    expect(points[1]).toMatch(/…$/);
  });

  it("sorts concern counts by objective, unassigned last, and drops zeros", () => {
    const digest = composeDigest({
      period,
      documents: [],
      concernCounts: [
        { objective: null, count: 2 },
        { objective: 3, count: 1 },
        { objective: 1, count: 4 },
        { objective: 2, count: 0 },
      ],
    });
    expect(digest.concernCounts).toEqual([
      { objective: 1, count: 4 },
      { objective: 3, count: 1 },
      { objective: null, count: 2 },
    ]);
  });

  it("turns real parsed minutes into 2 to 5 key points per document", () => {
    const minutes = buildMinutesDocument(
      [
        "Board minutes, 10 March 2026",
        "1. Budgets",
        "The Board agreed that CCG budgets would be delegated in full from April.",
        "2. Any other business",
        "The wifi was slow.",
        "Action: Paul Baumann to confirm allocations by 31 March",
      ].join("\n\n"),
      { url: "https://example.org/m" },
    );
    const [composed] = composeDigest({ period, documents: [{ ...minutes, updated: false }] }).documents;
    const count = pointCount(composed?.keyPoints ?? []);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(5);
    expect(composed?.keyPoints[0]?.points[0]?.text).toBe(
      "The Board agreed that CCG budgets would be delegated in full from April.",
    );
    expect(composed?.actions).toEqual([
      {
        text: "Paul Baumann to confirm allocations by 31 March",
        owner: "Paul Baumann",
        ownerInText: true,
        due: "2026-03-31",
        autonomy: false,
      },
    ]);
  });
});

describe("what touches CCG autonomy", () => {
  it("is always among the key points, marked, and listed first across the documents in the minutes' order", () => {
    const first = doc([
      item("Finance capability is building.", [{ objective: 3, score: 0.95 }]),
      item("Authorisation of CCGs continues.", [{ objective: 2, score: 0.9 }]),
      item(
        "The area team asked CCGs to route procurement through a regional framework.",
        [{ objective: 1, score: 0.5 }],
        "discussion",
        true,
      ),
      item("Partnership boards met.", [{ objective: 4, score: 0.85 }]),
      item("Running costs were reviewed.", [{ objective: 3, score: 0.8 }]),
      item("Another finance point.", [{ objective: 3, score: 0.75 }]),
      action("Write to the area team asking who decides", "Tom Okafor", { autonomy: true }),
    ]);
    const second = doc(
      [item("The senate's advice is not a decision.", [{ objective: 1, score: 0.6 }], "decision", true)],
      {
        title: "Second meeting",
      },
    );
    const digest = composeDigest({ period, documents: [first, second] });
    const [composed] = digest.documents;
    expect(pointCount(composed?.keyPoints ?? [])).toBe(5);
    expect(composed?.keyPoints.find((group) => group.objective === 1)?.points).toEqual([
      { text: "The area team asked CCGs to route procurement through a regional framework.", autonomy: true },
    ]);
    expect(composed?.actions[0]).toMatchObject({ autonomy: true, owner: "Tom Okafor", ownerInText: false });
    expect(digest.autonomy).toEqual([
      {
        text: "The area team asked CCGs to route procurement through a regional framework.",
        action: false,
        document: 0,
      },
      { text: "Write to the area team asking who decides", action: true, document: 0 },
      { text: "The senate's advice is not a decision.", action: false, document: 1 },
    ]);
  });
});

describe("an action's owner, said once", () => {
  it("drops a trailing '(Owner)' or '– Owner' that names the owner, who is then shown after the text", () => {
    expect(
      actionText("Publish how the Board will measure CCG autonomy (Chair)", "Chair, NHS Commissioning Board"),
    ).toEqual({
      text: "Publish how the Board will measure CCG autonomy",
      owner: "Chair, NHS Commissioning Board",
      ownerInText: false,
    });
    expect(actionText("Circulate the revised strategy – Tim Kelsey", "Tim Kelsey")).toMatchObject({
      text: "Circulate the revised strategy",
      ownerInText: false,
    });
    expect(actionText("Report back (Dr Amina Hussain).", "Dr Amina Hussain")).toMatchObject({ text: "Report back" });
  });

  it("does not repeat an owner the text already names, with or without their title", () => {
    expect(
      actionText("Dr Amina Hussain to bring an engagement plan to the March meeting.", "Dr Amina Hussain"),
    ).toMatchObject({
      ownerInText: true,
    });
    expect(actionText("Amina Hussain to bring an engagement plan.", "Dr Amina Hussain")).toMatchObject({
      ownerInText: true,
    });
    expect(actionText("Write to all CCGs about area teams", "Chief Executive, NHS Commissioning Board")).toMatchObject({
      ownerInText: false,
    });
    expect(actionText("Chase the (draft) plan with the team", "Tim Kelsey")).toMatchObject({
      text: "Chase the (draft) plan with the team",
      ownerInText: false,
    });
  });
});

describe("boilerplate is never a key point", () => {
  it("drops a document's notices about itself, footers and copyright, keeping the rest of the item", () => {
    for (const sentence of [
      "This is a sample document served by the localism-bot sandbox.",
      "The CCG, the people and the decisions are invented.",
      "A sandbox example: the meeting and its wording are invented.",
      "This document is uncontrolled when printed.",
      "© Crown copyright 2013",
      "All content is available under the Open Government Licence v3.0, except where otherwise stated",
      "Page 3 of 7",
    ])
      expect(isBoilerplate(sentence), sentence).toBe(true);
    for (const sentence of [
      "This is an example of the area team overriding a local decision.",
      "This paper was noted by the governing body.",
      "The board is made up of seven members.",
      "This document was agreed as a correct record.",
    ])
      expect(isBoilerplate(sentence), sentence).toBe(false);
    expect(
      withoutBoilerplate(
        "This is a sample document served by the localism-bot sandbox. The CCG, the people and the decisions are invented.",
      ),
    ).toBe("");
    expect(withoutBoilerplate("The Board agreed the budget. Crown copyright 2013.")).toBe(
      "The Board agreed the budget.",
    );
  });

  it("drops sentences that every document of a source repeats", () => {
    const footer = "Papers are available from the governance office.";
    const meeting = (text: string) => [
      item(`${text} ${footer}`, [{ objective: 1, score: 0.9 }]),
      item(`On "${text}", the Chair thanked the team.`),
      item(`Questions on "${text}" were answered.`),
      item("None."),
    ];
    const repeated = repeatedSentences([
      [meeting("The Board agreed the plan."), meeting("The Board noted the risks.")],
    ]);
    expect(repeated).toEqual(new Set([sentenceKeyOf(footer), "none"]));
    const [composed] = composeDigest({
      period,
      documents: [doc(meeting("The Board agreed the plan."))],
      repeated,
    }).documents;
    expect(texts(composed?.keyPoints)[0]).toEqual({ objective: 1, points: ["The Board agreed the plan."] });
    expect(JSON.stringify(composed)).not.toContain("governance office");
    // One document alone says nothing about what its source repeats; nor do two copies of the same minutes.
    expect(repeatedSentences([[meeting("The Board agreed the plan.")]])).toEqual(new Set());
    const copy = [
      item("The Board agreed the plan.", [{ objective: 1, score: 0.9 }]),
      item("The area team will support CCGs."),
      item(footer),
    ];
    expect(repeatedSentences([[copy, copy]])).toEqual(new Set());
  });

  it("leaves out an item that is only boilerplate, so the sandbox notice never fills a key point", () => {
    const [composed] = composeDigest({
      period,
      documents: [
        doc([
          item(
            "This is a sample document served by the localism-bot sandbox. The CCG, the people and the decisions are invented.",
            [{ objective: 1, score: 0.9 }],
          ),
          item("The governing body agreed to consult on stroke services.", [], "decision"),
          item("No new declarations were made."),
        ]),
      ],
    }).documents;
    expect(JSON.stringify(composed)).not.toMatch(/sandbox|invented/);
    expect(pointCount(composed?.keyPoints ?? [])).toBe(2);
  });
});

describe("a digest narrowed to some objectives or to autonomy", () => {
  const items = [
    item("CCG budgets will be delegated.", [{ objective: 1, score: 0.9 }]),
    item("Finance capability is building.", [
      { objective: 3, score: 0.8 },
      { objective: 1, score: 0.4 },
    ]),
    item("Partnership boards met.", [{ objective: 4, score: 0.85 }]),
    item("The area team overrode the CCG's procurement choice.", [{ objective: 2, score: 0.7 }], "decision", true),
    item("The wifi failed."),
    action("Jane Doe to write to the area team", "Jane Doe", { tags: [{ objective: 2, score: 0.6 }], autonomy: true }),
    action("John Roe to chase partners", "John Roe", { tags: [{ objective: 4, score: 0.6 }] }),
  ];

  it("shows only the items on the objectives asked for, each under one of them", () => {
    const [composed] = composeDigest({
      period,
      documents: [doc(items)],
      filter: { objectives: [1, 3], autonomyOnly: false },
    }).documents;
    expect(texts(composed?.keyPoints)).toEqual([
      { objective: 1, points: ["CCG budgets will be delegated."] },
      { objective: 3, points: ["Finance capability is building."] },
    ]);
    expect(composed?.actions).toEqual([]);
  });

  it("shows only what touches CCG autonomy, and leaves out a document with none", () => {
    const filter = { objectives: [], autonomyOnly: true };
    const digest = composeDigest({ period, documents: [doc(items)], filter });
    expect(texts(digest.documents[0]?.keyPoints)).toEqual([
      { objective: 2, points: ["The area team overrode the CCG's procurement choice."] },
    ]);
    expect(digest.documents[0]?.actions.map((a) => a.text)).toEqual(["Jane Doe to write to the area team"]);
    expect(documentMatches(doc(items), { filter })).toBe(true);
    expect(documentMatches(doc(items.filter((i) => !i.autonomy)), { filter })).toBe(false);
    expect(documentMatches(doc([]), {})).toBe(true);
  });
});

function sentenceKeyOf(sentence: string): string {
  return sentence.toLowerCase().replace(/[.]+$/, "");
}
