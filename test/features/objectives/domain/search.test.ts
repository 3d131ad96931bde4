import { describe, expect, it } from "vitest";
import { type SearchDocument, SearchIndex } from "../../../../src/features/objectives/domain/search";

const SOURCE = { title: "A report", publisher: "HSJ", date: "2012-04-23" };

function doc(id: string, text: string, extra: Partial<SearchDocument> = {}): SearchDocument {
  return { id, objective: null, kind: "summary", text, source: SOURCE, ...extra };
}

const DOCUMENTS = [
  doc("autonomy", "Clinical commissioning groups keep their autonomy from the NHS Commissioning Board Authority.", {
    objective: 1,
  }),
  doc("support", "CCGs choose their own commissioning support and hold the money for it.", { objective: 2 }),
  doc("minutes-promise", "The Secretary of State will publish the minutes of accountability meetings."),
  doc("department", "The Department of Health agreed a shared financial agreement.", { objective: 3 }),
  doc("icb", "Integrated care boards replaced clinical commissioning groups in 2022."),
  doc("leeds", "The Leeds office is the National Support office.", { objective: 4, keywords: ["headquarters"] }),
];

function topId(index: SearchIndex, query: string): string | undefined {
  return index.search(query, 5)[0]?.document.id;
}

describe("SearchIndex", () => {
  const index = new SearchIndex(DOCUMENTS);

  it("treats the field's names for the same body as one word, in documents and queries alike", () => {
    expect(topId(index, "CCG autonomy")).toBe("autonomy");
    expect(topId(index, "clinical commissioning group autonomy")).toBe("autonomy");
    expect(index.search("NHSCB", 5).map((hit) => hit.document.id)).toEqual(["autonomy"]);
    expect(topId(index, "the Board")).toBe("autonomy");
    expect(topId(index, "NHS England")).toBe("autonomy");
    expect(topId(index, "Lansley minutes")).toBe("minutes-promise");
    expect(topId(index, "health secretary minutes")).toBe("minutes-promise");
    expect(topId(index, "DHSC financial agreement")).toBe("department");
    expect(topId(index, "what are ICBs")).toBe("icb");
  });

  it("reads 'the Department of Health' as the Department, not the Department plus 'health'", () => {
    const bothNames = index.search("DH", 5).map((hit) => [hit.document.id, hit.score.toFixed(2)]);
    const longName = index.search("the Department of Health", 5).map((hit) => [hit.document.id, hit.score.toFixed(2)]);
    expect(longName).toEqual(bothNames);
  });

  it("finds a passage despite typos", () => {
    expect(topId(index, "autonmy")).toBe("autonomy");
    expect(topId(index, "commisioning suport")).toBe("support");
    expect(topId(index, "acountability meetngs")).toBe("minutes-promise");
  });

  it("corrects a typo before stemming, where the stem of the typo is far from the real one", () => {
    const capabilities = new SearchIndex([
      ...DOCUMENTS,
      doc("capability", "Developing financial management capability."),
    ]);
    expect(topId(capabilities, "capabilty")).toBe("capability");
  });

  it("scores a typo below the same word spelt right, but well above nothing", () => {
    const right = index.search("autonomy", 1)[0]?.score ?? 0;
    const typo = index.search("autonmy", 1)[0]?.score ?? 0;
    expect(typo).toBeLessThan(right);
    expect(typo).toBeGreaterThan(0.4);
  });

  it("matches stems and the passage's keywords", () => {
    expect(topId(index, "choosing supporting")).toBe("support");
    expect(topId(index, "NHS headquarters")).toBe("leeds");
    expect(topId(index, "objective 4")).toBe("leeds");
  });

  it("returns scores between 0 and 1, best first", () => {
    const hits = index.search("CCGs commissioning support money", 10);
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it("scores on the words it knows and lists the words it has never seen, for the caller to weigh", () => {
    expect(index.search("wifi password", 5)).toEqual([]);
    expect(index.lookup("wifi password").unknown).toEqual(["wifi", "password"]);
    const partly = index.lookup("CCG christmas party venue");
    expect(partly.terms).toEqual(["ccg"]);
    expect(partly.unknown).toEqual(["christmas", "party", "venue"]);
  });

  it("leaves the field's abbreviations out of both when no document uses them", () => {
    const lookup = index.lookup("does the LAT or QIPP change CCG autonomy");
    expect(lookup.unknown).toEqual(["change"]);
    expect(topId(index, "does the LAT or QIPP change CCG autonomy")).toBe("autonomy");
  });

  it("returns nothing for a question made only of stop words", () => {
    expect(index.search("what is it that you would do?", 5)).toEqual([]);
  });
});

describe("SearchIndex accepts documents later (published minutes)", () => {
  const minutes = doc(
    "minutes-2012-09",
    "The Secretary of State discussed winter pressures and the flu vaccination programme.",
    {
      kind: "minutes",
    },
  );

  it("finds added minutes, forgets removed ones and replaces a re-added id", () => {
    const index = new SearchIndex(DOCUMENTS);
    expect(index.search("flu vaccination", 5)).toEqual([]);

    index.add([minutes]);
    expect(index.size).toBe(DOCUMENTS.length + 1);
    expect(index.search("flu vaccination", 5)[0]?.document).toEqual(minutes);

    index.add([{ ...minutes, text: "The meeting discussed cancer waiting times." }]);
    expect(index.size).toBe(DOCUMENTS.length + 1);
    expect(index.search("flu vaccination", 5)).toEqual([]);
    expect(topId(index, "cancer waiting times")).toBe("minutes-2012-09");

    index.remove(["minutes-2012-09", "never-added"]);
    expect(index.size).toBe(DOCUMENTS.length);
    expect(index.search("cancer waiting times", 5)).toEqual([]);
  });

  it("forgets a removed document's words for typo correction too", () => {
    const index = new SearchIndex([doc("only", "Vaccination programme.")]);
    expect(topId(index, "vacination")).toBe("only");
    index.remove(["only"]);
    index.add([doc("other", "Something else entirely.")]);
    expect(index.search("vacination", 5)).toEqual([]);
  });
});
