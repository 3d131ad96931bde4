import { describe, expect, it } from "vitest";
import { buildMinutesDocument } from "../../src/features/minutes/domain/document";
import { extractText } from "../../src/features/minutes/domain/extract";
import { documentEntries, parseFeed } from "../../src/features/minutes/domain/feeds";
import { FEED_PATH, SampleMinutes } from "../../src/sandbox/minutes";

describe("the sample minutes the sandbox serves", () => {
  const minutes = new SampleMinutes();
  const base = "http://localhost:3123";

  it("serves an Atom feed whose entries link back to documents the sandbox serves", () => {
    const feed = minutes.serve(FEED_PATH, base);
    expect(feed?.contentType).toContain("application/atom+xml");
    const entries = documentEntries(parseFeed(feed?.body ?? ""));
    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const entry of entries) {
      expect(entry.link.startsWith(`${base}/sandbox/minutes/`)).toBe(true);
      expect(entry.title).toContain("(sandbox example)");
      expect(minutes.serve(new URL(entry.link).pathname, base)).toBeDefined();
    }
    expect(minutes.serve("/sandbox/minutes/../../package.json", base)).toBeUndefined();
  });

  it("serves documents that read as minutes: attendees, decisions, actions with owners, autonomy items", async () => {
    const entries = documentEntries(parseFeed(minutes.serve(FEED_PATH, base)?.body ?? ""));
    for (const entry of entries) {
      const served = minutes.serve(new URL(entry.link).pathname, base);
      const extracted = await extractText({
        contentType: served?.contentType ?? "",
        body: new TextEncoder().encode(served?.body ?? ""),
        url: entry.link,
      });
      const document = buildMinutesDocument(extracted.text, {
        url: entry.link,
        title: entry.title,
        feedDate: entry.updated,
      });
      expect(document.meetingDate, entry.title).toMatch(/^201[23]-/);
      expect(document.attendees.length).toBeGreaterThan(2);
      expect(document.items.some((item) => item.kind === "decision")).toBe(true);
      expect(document.items.some((item) => item.kind === "action" && item.owner)).toBe(true);
      expect(document.items.some((item) => item.autonomy && item.objectives.includes(1))).toBe(true);
    }
  });
});
