import { afterEach, describe, expect, it } from "vitest";
import type { MinutesJson, TaggedMinutesItem } from "../../../../src/features/minutes/domain/document";
import { minutesSearchDocuments } from "../../../../src/features/minutes/ingest/search-documents";
import { DocumentRepository } from "../../../../src/features/minutes/storage/documents";
import { MinutesSearchRepository } from "../../../../src/features/minutes/storage/search";
import { passageDocuments } from "../../../../src/features/objectives/domain/answer";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";
import { SearchIndex } from "../../../../src/features/objectives/domain/search";
import { type Database, openDatabase } from "../../../../src/storage/database";
import { freshDatabaseUrl, type Provider } from "../../../support/databases";

const providers: Provider[] = ["sqlite", "postgres"];
const kb = loadKnowledgeBase(new URL("../../../../knowledge", import.meta.url).pathname);
const storedAt = new Date("2012-12-11T09:00:00Z");

function item(text: string, heading: string | null, objective: number | null): TaggedMinutesItem {
  return {
    text,
    kind: "discussion",
    heading,
    owner: null,
    due: null,
    objectives: objective === null ? [] : [objective],
    autonomy: false,
    autonomyScore: null,
    tags: objective === null ? [] : [{ objective, score: 0.6 }],
  };
}

function minutes(title: string, items: TaggedMinutesItem[]): MinutesJson {
  return {
    title,
    meetingDate: "2012-12-10",
    url: `https://www.gov.uk/${title}`,
    minutes: true,
    notMinutesReason: null,
    attendees: [],
    apologies: [],
    items,
  };
}

const ACCOUNTABILITY = minutes("accountability-meeting", [
  item(
    "The Secretary of State asked how the Board would assure itself of winter resilience planning across CCGs.",
    "Winter resilience",
    1,
  ),
  item("Sir David noted that authorisation of the remaining CCGs would complete in March.", "Authorisation", 2),
  item("Apologies were noted.", null, null),
  item(
    "The Board agreed that area teams would not ask CCGs for monthly reports on commissioning plans.",
    "Assurance",
    3,
  ),
]);

describe.each(providers)("minutes searched in the database, on %s", (provider) => {
  let database: Database;
  afterEach(() => database?.close());

  async function setUp() {
    database = await openDatabase(await freshDatabaseUrl(provider));
    return {
      documents: new DocumentRepository(database.db),
      search: new MinutesSearchRepository(database.db, database.provider),
    };
  }

  async function store(documents: DocumentRepository, json: MinutesJson, hash = json.title) {
    return documents.storeVersion(
      {
        key: json.url,
        link: json.url,
        sourceId: null,
        publisher: "Department of Health",
        feedUpdatedAt: null,
        etag: null,
        lastModified: null,
        contentHash: hash,
        minutes: json,
      },
      storedAt,
    );
  }

  it("ranks stored items with the passages exactly as it would if they were held in memory", async () => {
    const { documents, search } = await setUp();
    const { documentId } = await store(documents, ACCOUNTABILITY);
    const inMemory = new SearchIndex(passageDocuments(kb));
    inMemory.add(
      minutesSearchDocuments({
        documentId,
        title: ACCOUNTABILITY.title,
        publisher: "Department of Health",
        meetingDate: ACCOUNTABILITY.meetingDate,
        storedAt,
        url: ACCOUNTABILITY.url,
        minutes: true,
        items: ACCOUNTABILITY.items,
      }).map(({ document }) => document),
    );
    const passagesOnly = new SearchIndex(passageDocuments(kb));
    for (const question of [
      "how will the Board assure winter resilience planning?",
      "will area teams ask CCGs for monthly reports?",
      "when will authorisation of CCGs complete",
      "can the board overrule our CCG?",
    ]) {
      const stored = await search.evidence(passagesOnly.storedTerms(question), 60);
      // Every hit, not the first few: hits that tie exactly may come in either order.
      const found = passagesOnly.lookup(question, 1000, undefined, stored).hits;
      const expected = inMemory.lookup(question, 1000).hits;
      expect(found[0]?.document, question).toEqual(expected[0]?.document);
      const scores = new Map(expected.map((hit) => [hit.document.id, hit.score]));
      expect(found.map((hit) => hit.document.id).sort(), question).toEqual([...scores.keys()].sort());
      for (const hit of found) expect(hit.score, question).toBeCloseTo(scores.get(hit.document.id) ?? -1, 9);
    }
  });

  it("cites the minutes an item comes from; short items and documents that are not minutes are not searchable", async () => {
    const { documents, search } = await setUp();
    await store(documents, ACCOUNTABILITY);
    await store(documents, {
      ...minutes("press-release", [
        item("The winter resilience campaign launched today across the region.", null, null),
      ]),
      minutes: false,
      notMinutesReason: "a news story",
    });
    const { candidates } = await search.evidence(["winter", "resili", "apolog"], 10);
    expect(candidates.map((candidate) => candidate.document)).toEqual([
      expect.objectContaining({
        kind: "minutes",
        objective: 1,
        keywords: ["Winter resilience"],
        source: {
          title: "accountability-meeting",
          publisher: "Department of Health",
          date: "2012-12-10",
          url: "https://www.gov.uk/accountability-meeting",
        },
      }),
    ]);
  });

  it("replaces a document's items with its new version's, and counts their terms again", async () => {
    const { documents, search } = await setUp();
    await store(documents, ACCOUNTABILITY);
    const before = await search.evidence(["winter", "authoris"], 10);
    expect(before.terms.get("winter")).toEqual({ documents: 1, body: 1, topics: 1 });
    expect(before.totals.documents).toBe(3);

    const revised = minutes("accountability-meeting", [ACCOUNTABILITY.items[1] as TaggedMinutesItem]);
    await store(documents, revised, "revised");
    const after = await search.evidence(["winter", "authoris"], 10);
    expect(after.terms.has("winter")).toBe(false);
    expect(after.terms.get("authoris")).toEqual(before.terms.get("authoris"));
    expect(after.totals.documents).toBe(1);
    expect(after.candidates.map((candidate) => candidate.document.text)).toEqual([revised.items[0]?.text]);
  });

  it("indexes documents stored before search was kept in the database, once, however many instances start", async () => {
    const { documents, search } = await setUp();
    await store(documents, ACCOUNTABILITY);
    const indexed = await search.evidence(["winter", "board"], 10);
    // As a database upgraded from the in-memory index finds itself: minutes stored, none searchable.
    await database.db.minutesSearchEntry.deleteMany();
    await database.db.minutesSearchTerm.deleteMany();
    await database.db.minutesDocument.updateMany({ data: { searchVersion: null } });
    expect((await search.evidence(["winter"], 10)).candidates).toEqual([]);

    const other = new MinutesSearchRepository(database.db, database.provider);
    const counts = await Promise.all([search.indexUnindexed(), other.indexUnindexed()]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(await search.evidence(["winter", "board"], 10)).toEqual(indexed);
    expect(await search.indexUnindexed()).toBe(0);
  });

  it("takes any words as terms: nothing in them is read as SQL or full-text query syntax", async () => {
    const { documents, search } = await setUp();
    await store(documents, ACCOUNTABILITY);
    const odd = ['"', "'", "winter OR", "NEAR(", "*", "a:b", "\\", "!", "&|"];
    const { candidates } = await search.evidence([...odd, "winter"], 10);
    expect(candidates).toHaveLength(1);
  });
});
