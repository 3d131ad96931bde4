import { describe, expect, it } from "vitest";
import type { DigestDocument } from "../../../../src/features/minutes/domain/compose";
import { composeDigest } from "../../../../src/features/minutes/domain/compose";
import { buildMinutesDocument } from "../../../../src/features/minutes/domain/document";
import { periodOf } from "../../../../src/features/minutes/domain/runs";

const period = periodOf(
  { frequency: "weekly", weekday: 1, time: "09:00", timeZone: "Europe/London" },
  new Date("2026-03-18T12:00:00Z"),
);

type Item = DigestDocument["items"][number];
const item = (text: string, tags: Item["tags"] = [], kind: Item["kind"] = "discussion"): Item => ({
  text,
  kind,
  owner: null,
  due: null,
  tags,
});
const doc = (items: Item[], overrides: Partial<DigestDocument> = {}): DigestDocument => ({
  title: "Accountability meeting (example)",
  url: "https://www.gov.uk/government/publications/example",
  meetingDate: "2026-03-10",
  updated: false,
  items,
  ...overrides,
});
const pointCount = (keyPoints: { points: string[] }[]) => keyPoints.reduce((n, g) => n + g.points.length, 0);

describe("composeDigest", () => {
  it("labels the period in London dates", () => {
    expect(composeDigest({ period, documents: [] }).periodLabel).toBe("16–23 March 2026");
  });

  it("is empty with no documents and no concerns", () => {
    expect(composeDigest({ period, documents: [], concernCounts: [{ objective: 1, count: 0 }] }).empty).toBe(true);
    expect(composeDigest({ period, documents: [], concernCounts: [{ objective: 1, count: 2 }] }).empty).toBe(false);
  });

  it("gives at most 5 key points, highest scores first, grouped by objective", () => {
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
    expect(composed?.keyPoints).toEqual([
      { objective: 1, points: ["CCG budgets will be delegated.", "Transfer of power is on track."] },
      { objective: 3, points: ["Finance capability is building.", "Another finance point."] },
      { objective: 2, points: ["Authorisation of CCGs continues."] },
    ]);
  });

  it("fills up to 2 points from untagged items, decisions first", () => {
    const items = [
      item("The Chair opened the meeting."),
      item("The Board approved the annual report.", [], "decision"),
      item("CCG budgets will be delegated.", [{ objective: 1, score: 0.9 }]),
    ];
    const [composed] = composeDigest({ period, documents: [doc(items)] }).documents;
    expect(composed?.keyPoints).toEqual([
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
      { text: "Tim Kelsey to circulate the strategy by 30 June.", owner: "Tim Kelsey", due: "2026-06-30" },
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
    const points = composeDigest({ period, documents: [doc(items)] }).documents[0]?.keyPoints[0]?.points ?? [];
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
    expect(composed?.keyPoints[0]?.points[0]).toBe(
      "The Board agreed that CCG budgets would be delegated in full from April.",
    );
    expect(composed?.actions).toEqual([
      { text: "Paul Baumann to confirm allocations by 31 March", owner: "Paul Baumann", due: "2026-03-31" },
    ]);
  });
});
