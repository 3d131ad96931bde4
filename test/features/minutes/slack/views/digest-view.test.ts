import { checkMessageBlocks, defaultBlockKitLimits } from "@localism/slack-standin";
import { describe, expect, it } from "vitest";
import { composeDigest, type DigestDocument } from "../../../../../src/features/minutes/domain/compose";
import { createDigestRenderer } from "../../../../../src/features/minutes/slack/views/digest";

const objectives = new Map([
  [1, "Transferring power to local organisations"],
  [2, "Establishing the commissioning landscape"],
  [3, "Developing specific commissioning and financial management capabilities"],
  [4, "Developing excellent relationships"],
]);
const renderer = createDigestRenderer(objectives);
const period = {
  start: new Date("2026-03-16T09:00:00Z"),
  end: new Date("2026-03-23T09:00:00Z"),
  timeZone: "Europe/London",
};

function document(
  n: number,
  sentence = "The Board discussed CCG autonomy and how the area teams would avoid top-down direction of clinical commissioning groups.",
): DigestDocument {
  return {
    title: `Accountability meeting minutes ${n} <with> & | symbols`,
    url: `https://www.gov.uk/government/publications/minutes-${n}`,
    meetingDate: "2012-06-25",
    updated: n % 7 === 0,
    items: [
      {
        text: `${sentence} ${"It noted the transfer of power to local organisations. ".repeat(4)}`,
        kind: "discussion",
        owner: null,
        due: null,
        tags: [{ objective: 1, score: 0.9 }],
        autonomy: true,
      },
      {
        text: "The Board agreed the running costs budget and financial allocation for CCGs.",
        kind: "decision",
        owner: null,
        due: null,
        tags: [{ objective: 3, score: 0.75 }],
        autonomy: false,
      },
      {
        text: "Partnership with local government and the health and wellbeing boards was discussed.",
        kind: "discussion",
        owner: null,
        due: null,
        tags: [{ objective: 4, score: 0.7 }],
        autonomy: false,
      },
      {
        text: "Tim Kelsey to circulate the revised information strategy by 31 August",
        kind: "action",
        owner: "Tim Kelsey",
        due: "2012-08-31",
        tags: [],
        autonomy: false,
      },
      {
        text: "Publish how area teams will support, not direct, CCGs (Chair)",
        kind: "action",
        owner: "Chair",
        due: null,
        tags: [{ objective: 1, score: 0.8 }],
        autonomy: true,
      },
    ],
  };
}

function accepted(blocks: unknown[]): boolean {
  return checkMessageBlocks(blocks, defaultBlockKitLimits) !== undefined;
}

describe("the digest message", () => {
  it("shows the period, each document linked with its meeting date, key points by objective and actions with owners", () => {
    const [part, ...rest] = renderer.digest(composeDigest({ period, documents: [document(1)] }), { missedRuns: 1 });
    expect(rest).toHaveLength(0);
    const shown = JSON.stringify(part?.message.blocks);
    expect(shown).toContain("Minutes digest: 16–23 March 2026");
    expect(shown).toContain(
      "<https://www.gov.uk/government/publications/minutes-1|Accountability meeting minutes 1 &lt;with&gt; &amp; ¦ symbols>",
    );
    expect(shown).toContain("Meeting of 25 June 2012");
    expect(shown).toContain("*Objective 1: Transferring power to local organisations*");
    // Each owner once: not repeated when the text names them, and not left in the text after it.
    expect(shown).toContain(
      "• Tim Kelsey to circulate the revised information strategy by 31 August — due 31 August 2012",
    );
    expect(shown).toContain("• :warning: Publish how area teams will support, not direct, CCGs — _Chair_");
    expect(part?.message.text).toBe(
      "Minutes digest for 16–23 March 2026: 1 document (2 items on CCG autonomy): Accountability meeting minutes 1 <with> & | symbols",
    );
    expect(accepted(part?.message.blocks ?? [])).toBe(true);
  });

  it("opens with what touches CCG autonomy, and marks those items where they appear", () => {
    const [part] = renderer.digest(composeDigest({ period, documents: [document(1), document(2)] }), {
      missedRuns: 1,
    });
    const blocks = (part?.message.blocks ?? []) as { type: string; text?: { text: string } }[];
    const autonomy = blocks.findIndex((b) => b.text?.text.startsWith("*What touches CCG autonomy*"));
    const firstDocument = blocks.findIndex((b) =>
      b.text?.text.startsWith("*<https://www.gov.uk/government/publications/minutes-1|"),
    );
    expect(autonomy).toBeGreaterThan(0);
    expect(autonomy).toBeLessThan(firstDocument);
    const section = blocks[autonomy]?.text?.text ?? "";
    expect(section).toContain(
      "• :warning: The Board discussed CCG autonomy and how the area teams would avoid top-down direction of clinical commissioning groups.",
    );
    // Grouped under the document each comes from.
    expect(section).toMatch(
      /\n_<https:\/\/www\.gov\.uk\/government\/publications\/minutes-1\|[^>]+>_\n• :warning: The Board discussed[^\n]+\n• :warning: _Action:_ Publish how area teams will support, not direct, CCGs\n_<https:\/\/www\.gov\.uk\/government\/publications\/minutes-2\|/,
    );
    expect(section.match(/:warning:/g)).toHaveLength(4);
    const shown = JSON.stringify(blocks);
    expect(shown).toContain(
      "*Objective 1: Transferring power to local organisations*\\n• :warning: The Board discussed CCG autonomy",
    );
    expect(accepted(blocks)).toBe(true);
  });

  it("lists at most 5 autonomy items at the top, saying how many more are marked below", () => {
    const documents = Array.from({ length: 4 }, (_, n) => document(n + 1));
    const [part] = renderer.digest(composeDigest({ period, documents }), { missedRuns: 1 });
    const shown = JSON.stringify(part?.message.blocks);
    expect(shown).toContain("_…and 3 more, marked :warning: below_");
  });

  it("splits a long digest within Block Kit's limits: the first message says how many more follow in the thread", () => {
    const documents = Array.from({ length: 60 }, (_, n) => document(n + 1));
    const parts = renderer.digest(composeDigest({ period, documents, concernCounts: [{ objective: 1, count: 4 }] }), {
      missedRuns: 3,
    });
    expect(parts.length).toBeGreaterThan(2);
    for (const { message } of parts) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(message.blocks).length).toBeLessThanOrEqual(12_000);
      expect(accepted(message.blocks)).toBe(true);
      expect(message.text.length).toBeGreaterThan(20);
    }
    const first = JSON.stringify(parts[0]?.message.blocks);
    const inFirst = parts[0]?.documents.length ?? 0;
    expect(first).toContain(`…and ${60 - inFirst} more documents, continued in the thread below.`);
    expect(first).toContain("Covers 3 scheduled digests missed while the bot was offline");
    expect(first).toContain("CCG autonomy concerns logged this period");
    expect(parts.flatMap((part) => part.documents)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    expect(JSON.stringify(parts[1]?.message.blocks)).toContain("(continued, part 2 of");
  });

  it("keeps one document with very long text within a section's 3,000 characters", () => {
    const huge = document(1, "The Board discussed CCG autonomy at length. ".repeat(400));
    const [part] = renderer.digest(composeDigest({ period, documents: [huge] }), { missedRuns: 1 });
    expect(accepted(part?.message.blocks ?? [])).toBe(true);
  });

  it("says so plainly in a quiet period, and words the threaded 'updated' reply and the pause DM", () => {
    const [quiet] = renderer.digest(composeDigest({ period, documents: [] }), { missedRuns: 1 });
    expect(quiet?.message.text).toContain("no new minutes were published");
    const updated = composeDigest({ period, documents: [document(2)] }).documents[0];
    const reply = renderer.updatedReply({ ...updated!, updated: true }, [
      "Correction: the conditions would be published by 15 November 2012.",
    ]);
    expect(JSON.stringify(reply.blocks)).toContain(
      "*New or reworded*\\n• Correction: the conditions would be published by 15 November 2012.",
    );
    expect(reply.text).toBe(
      "Updated: Accountability meeting minutes 2 <with> & | symbols has changed since this digest.",
    );
    expect(accepted(reply.blocks)).toBe(true);
    const dm = renderer.pausedNotice("C0COMMISS", "is_archived");
    expect(dm.text).toContain("paused the minutes digest you set up for <#C0COMMISS>: it has been archived");
  });
});
