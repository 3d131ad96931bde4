import { describe, expect, it } from "vitest";
import { buildMinutesDocument, contentHash } from "../../../../src/features/minutes/domain/document";
import { extractText } from "../../../../src/features/minutes/domain/extract";
import { ownFile } from "../../../support/fixtures";

describe("contentHash", () => {
  it("ignores spacing and typographic quotes and dashes", () => {
    expect(contentHash("The Board’s plan – agreed.\n\n")).toBe(contentHash("The  Board's plan - agreed."));
  });

  it("changes when the words change", () => {
    expect(contentHash("The Board agreed the plan.")).not.toBe(contentHash("The Board rejected the plan."));
  });

  it("is a sha256 hex digest", () => {
    expect(contentHash("x")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("buildMinutesDocument", () => {
  it("gives the stable JSON shape with tags on every item", async () => {
    const page = await extractText({
      contentType: "text/html",
      body: new Uint8Array(ownFile("govuk-style-accountability-minutes.html")),
      url: "https://www.gov.uk/government/publications/example",
    });
    const doc = buildMinutesDocument(page.text, {
      url: "https://www.gov.uk/government/publications/example",
      title: page.title,
    });
    expect(Object.keys(doc)).toEqual([
      "title",
      "meetingDate",
      "url",
      "minutes",
      "notMinutesReason",
      "attendees",
      "apologies",
      "items",
    ]);
    expect(doc.meetingDate).toBe("2012-09-17");
    expect(doc.attendees).toEqual([
      "Secretary of State for Health",
      "Professor Malcolm Grant",
      "Sir David Nicholson",
      "Richard Douglas",
    ]);
    expect(doc.apologies).toEqual(["Bill McCarthy"]);

    const control = doc.items.find((i) =>
      i.text.startsWith("The Secretary of State stressed that CCGs must have real control"),
    );
    expect(control).toMatchObject({ kind: "discussion", autonomy: true, owner: null, due: null });
    expect(control?.objectives).toEqual(expect.arrayContaining([1, 3]));
    expect(control?.tags.map((t) => t.objective)).toEqual(control?.objectives);

    const wifi = doc.items.find((i) => i.text.startsWith("The wifi"));
    expect(wifi).toMatchObject({ objectives: [], autonomy: false, tags: [] });

    expect(doc.items.filter((i) => i.kind === "action")).toEqual([
      expect.objectContaining({
        text: "Publish the authorisation conditions for each CCG",
        owner: "Dame Barbara Hakin",
        due: "2012-10-31",
      }),
      expect.objectContaining({
        text: "Circulate a note on running costs to the Department",
        owner: "Paul Baumann",
        due: null,
      }),
    ]);
    expect(Object.keys(doc.items[0] ?? {})).toEqual([
      "text",
      "kind",
      "heading",
      "owner",
      "due",
      "objectives",
      "autonomy",
      "autonomyScore",
      "tags",
    ]);
  });

  it("survives a JSON round trip unchanged", () => {
    const doc = buildMinutesDocument("Minutes of the Board, 1 May 2012\n\nThe Board agreed the budget.", { url: "u" });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
