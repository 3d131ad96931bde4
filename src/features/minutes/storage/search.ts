import { join, raw, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { DatabaseProvider } from "../../../config";
import { type Db, fastStatements } from "../../../storage/database";
import type { DbTransaction } from "../../../storage/db-errors";
import { statement } from "../../../storage/fast-statements";
import { inverseDocumentFrequency } from "../../objectives/domain/relevance";
import { indexedTerms } from "../../objectives/domain/search";
import {
  type StoredCandidate,
  type StoredDocuments,
  type StoredEvidence,
  type StoredTermCounts,
  termCounts,
} from "../../objectives/domain/stored-documents";
import {
  type IndexableMinutes,
  minutesItemDocument,
  minutesSearchDocuments,
  minutesSource,
} from "../ingest/search-documents";
import { objectiveOfTag } from "./tags";

/**
 * Published minutes as the objectives' search sees them, in the database every instance shares.
 *
 * Each searchable item of a document's latest version is a MinutesSearchEntry holding its analysed
 * terms (the same analysis as the knowledge base's passages in memory), indexed for full text by the
 * database: FTS5 in SQLite, a tsvector with a GIN index in PostgreSQL. BM25 also needs, per term, how
 * many entries use it (in any field, per field) and the totals (entries, summed field lengths): they
 * are kept in MinutesSearchTerm, counted up and down in the same transaction as the entries, so they
 * are exact and a question reads them with one indexed lookup instead of counting matches.
 *
 * A question asks the full-text index for the entries that best match its terms (FTS5's bm25 in
 * SQLite; in PostgreSQL, the idf-weighted share of the terms matched, as the confidence itself counts
 * them), and the search index in memory scores those candidates exactly, with the passages.
 */
/** Every question reads these: a statement prepared once on the driver (see src/storage/fast-statements.ts). */
const TERM_COUNTS = statement({
  sqlite: `SELECT "term", "documents", "body", "topics" FROM "MinutesSearchTerm"
    WHERE "term" IN (SELECT "value" FROM json_each(?))`,
  postgres: `SELECT "term", "documents", "body", "topics" FROM "MinutesSearchTerm" WHERE "term" = ANY(?::text[])`,
});

export class MinutesSearchRepository implements StoredDocuments {
  constructor(
    private readonly db: Db,
    private readonly provider: DatabaseProvider,
  ) {}

  async evidence(terms: string[], limit: number): Promise<StoredEvidence> {
    const asked = [...new Set([TOTALS, ...terms])];
    const rows = await fastStatements(this.db).rows<{ term: string; documents: number; body: number; topics: number }>(
      TERM_COUNTS,
      [asked],
    );
    const totalsRow = rows.find((row) => row.term === TOTALS);
    const totals = {
      documents: Number(totalsRow?.documents ?? 0),
      bodyLength: Number(totalsRow?.body ?? 0),
      topicsLength: Number(totalsRow?.topics ?? 0),
    };
    const counts = new Map<string, StoredTermCounts>(
      rows
        .filter((row) => row.term !== TOTALS && Number(row.documents) > 0)
        .map((row) => [
          row.term,
          { documents: Number(row.documents), body: Number(row.body), topics: Number(row.topics) },
        ]),
    );
    if (counts.size === 0 || totals.documents === 0) return { totals, terms: counts, candidates: [] };
    const weighted = [...counts]
      .map(([term, count]) => ({
        term,
        documents: count.documents,
        weight: inverseDocumentFrequency(totals.documents, count.documents),
      }))
      .sort((a, b) => a.documents - b.documents || (a.term < b.term ? -1 : 1));
    const matched = selective(weighted);
    const candidates =
      this.provider === "sqlite"
        ? await this.sqliteCandidates(matched, limit)
        : await this.postgresCandidates(matched, weighted, limit);
    return { totals, terms: counts, candidates: candidates.map(toCandidate) };
  }

  /** FTS5's own BM25 ranks the entries; each term is quoted, so nothing in it is read as query syntax. */
  private async sqliteCandidates(terms: { term: string }[], limit: number): Promise<CandidateRow[]> {
    const expression = terms.map(({ term }) => `"${term.replace(/"/g, '""')}"`).join(" OR ");
    return this.db.$queryRaw<CandidateRow[]>`
      WITH m AS (
        SELECT rowid AS "id", bm25("MinutesSearchFts", 1.0, 1.5) AS "score" FROM "MinutesSearchFts"
        WHERE "MinutesSearchFts" MATCH ${expression} ORDER BY "score" LIMIT ${limit}
      )
      SELECT ${CANDIDATE_COLUMNS} FROM m ${CANDIDATE_JOINS} ORDER BY m."score"`;
  }

  /** The GIN index finds the entries using the selective terms; they are ranked by the idf-weighted share of all the terms they use. */
  private async postgresCandidates(
    matched: { term: string }[],
    weighted: { term: string; weight: number }[],
    limit: number,
  ): Promise<CandidateRow[]> {
    const any = matched.map(({ term }) => tsqueryLexeme(term)).join(" | ");
    const weights = join(
      weighted.map(({ term, weight }) => sql`(to_tsquery('simple', ${tsqueryLexeme(term)}), ${weight}::float8)`),
    );
    return this.db.$queryRaw<CandidateRow[]>`
      WITH q ("query", "weight") AS (VALUES ${weights}),
      m AS (
        SELECT e."id", (SELECT sum(q."weight") FROM q WHERE e."vector" @@ q."query") AS "score"
        FROM "MinutesSearchEntry" e WHERE e."vector" @@ to_tsquery('simple', ${any})
        ORDER BY "score" DESC, e."bodyLength", e."id" DESC LIMIT ${limit}
      )
      SELECT ${CANDIDATE_COLUMNS} FROM m ${CANDIDATE_JOINS} ORDER BY m."score" DESC, e."bodyLength", e."id" DESC`;
  }

  /**
   * Makes the latest version of documents stored before search was kept in the database searchable,
   * a few at a time; a document another instance indexes meanwhile is left to it. Returns how many.
   */
  async indexUnindexed(batch = 20): Promise<number> {
    let indexed = 0;
    for (;;) {
      const documents = await this.db.minutesDocument.findMany({
        where: { searchVersion: null, versions: { some: {} } },
        select: { id: true },
        orderBy: { id: "asc" },
        take: batch,
      });
      if (documents.length === 0) return indexed;
      for (const { id } of documents) {
        await this.db.$transaction(async (tx) => {
          const latest = await tx.minutesVersion.findFirst({
            where: { documentId: id },
            orderBy: { number: "desc" },
            include: {
              document: true,
              items: {
                orderBy: { position: "asc" },
                include: { tags: { orderBy: [{ score: "desc" }, { tag: "asc" }] } },
              },
            },
          });
          if (!latest) return;
          const claimed = await tx.minutesDocument.updateMany({
            where: { id, searchVersion: null },
            data: { searchVersion: latest.number },
          });
          if (claimed.count === 0) return;
          await indexVersion(
            tx,
            {
              documentId: id,
              title: latest.title,
              publisher: latest.document.publisher,
              meetingDate: latest.meetingDate,
              storedAt: latest.storedAt,
              url: latest.document.link,
              minutes: latest.isMinutes,
              items: latest.items.map((item) => ({
                text: item.text,
                heading: item.heading,
                objectives: item.tags.flatMap((tag) => objectiveOfTag(tag.tag) ?? []),
              })),
            },
            new Map(latest.items.map((item) => [item.position, item.id])),
          );
          indexed += 1;
        });
      }
    }
  }
}

/** The MinutesSearchTerm row holding the totals: no analysed term is empty. */
const TOTALS = "";
/**
 * The full-text query uses the question's rarest terms, as many as match at most this many entries
 * together (and always the rarest): ranking every entry that uses a common word ("noted", "board")
 * would cost time in proportion to the corpus, and such words decide little of the confidence.
 */
const MATCHED_ENTRIES_BUDGET = 5_000;

function selective<T extends { documents: number }>(terms: T[]): T[] {
  let budget = MATCHED_ENTRIES_BUDGET;
  return terms.filter((term, index) => {
    if (index > 0 && term.documents > budget) return false;
    budget -= term.documents;
    return true;
  });
}

interface CandidateRow {
  id: number;
  documentId: number;
  objective: number | null;
  bodyTerms: string;
  topicsTerms: string;
  bodyLength: number;
  topicsLength: number;
  position: number;
  text: string;
  heading: string | null;
  title: string;
  meetingDate: string | null;
  storedAt: Date | string;
  link: string;
  publisher: string;
}

const CANDIDATE_COLUMNS = raw(
  `e."id", e."documentId", e."objective", e."bodyTerms", e."topicsTerms", e."bodyLength", e."topicsLength",
   i."position", i."text", i."heading", v."title", v."meetingDate", v."storedAt", d."link", d."publisher"`,
);
const CANDIDATE_JOINS = raw(
  `JOIN "MinutesSearchEntry" e ON e."id" = m."id"
   JOIN "MinutesItem" i ON i."id" = e."itemId"
   JOIN "MinutesVersion" v ON v."id" = i."versionId"
   JOIN "MinutesDocument" d ON d."id" = e."documentId"`,
);

function toCandidate(row: CandidateRow): StoredCandidate {
  const storedAt = row.storedAt instanceof Date ? row.storedAt : new Date(row.storedAt);
  const source = minutesSource({
    title: row.title,
    publisher: row.publisher,
    meetingDate: row.meetingDate,
    storedAt,
    url: row.link,
  });
  return {
    document: minutesItemDocument(Number(row.documentId), Number(row.position), source, {
      text: row.text,
      heading: row.heading,
      objective: row.objective === null ? null : Number(row.objective),
    }),
    body: termCounts(row.bodyTerms),
    topics: termCounts(row.topicsTerms),
    bodyLength: Number(row.bodyLength),
    topicsLength: Number(row.topicsLength),
  };
}

/** A term as a quoted tsquery lexeme (terms are letters and digits; quotes and backslashes are escaped regardless). */
function tsqueryLexeme(term: string): string {
  return `'${term.replace(/['\\]/g, (char) => `\\${char}`)}'`;
}

type Counts = [documents: number, body: number, topics: number];

/**
 * Replaces a document's search entries with those of the version just written (none when it is not
 * minutes), and counts the terms' uses down and up. Call inside the transaction that writes the version.
 */
export async function indexVersion(
  tx: DbTransaction,
  minutes: IndexableMinutes,
  itemIds: ReadonlyMap<number, number>,
): Promise<void> {
  const deltas = new Map<string, Counts>();
  const add = (term: string, change: Counts) => {
    const counts = deltas.get(term) ?? [0, 0, 0];
    deltas.set(term, [counts[0] + change[0], counts[1] + change[1], counts[2] + change[2]]);
  };
  const count = (
    entry: { bodyTerms: string[]; topicsTerms: string[]; bodyLength: number; topicsLength: number },
    sign: 1 | -1,
  ) => {
    const body = new Set(entry.bodyTerms);
    const topics = new Set(entry.topicsTerms);
    for (const term of new Set([...body, ...topics])) {
      add(term, [sign, body.has(term) ? sign : 0, topics.has(term) ? sign : 0]);
    }
    add(TOTALS, [sign, sign * entry.bodyLength, sign * entry.topicsLength]);
  };

  const previous = await tx.minutesSearchEntry.findMany({
    where: { documentId: minutes.documentId },
    select: { bodyTerms: true, topicsTerms: true, bodyLength: true, topicsLength: true },
  });
  for (const entry of previous) {
    count({ ...entry, bodyTerms: splitTerms(entry.bodyTerms), topicsTerms: splitTerms(entry.topicsTerms) }, -1);
  }
  if (previous.length > 0) await tx.minutesSearchEntry.deleteMany({ where: { documentId: minutes.documentId } });

  const entries = minutesSearchDocuments(minutes).flatMap(({ position, document }) => {
    const itemId = itemIds.get(position);
    if (itemId === undefined) return [];
    const terms = indexedTerms(document);
    count({ ...terms, bodyTerms: terms.body, topicsTerms: terms.topics }, 1);
    return [
      {
        itemId,
        documentId: minutes.documentId,
        objective: document.objective,
        bodyTerms: terms.body.join(" "),
        topicsTerms: terms.topics.join(" "),
        bodyLength: terms.bodyLength,
        topicsLength: terms.topicsLength,
      },
    ];
  });
  if (entries.length > 0) await tx.minutesSearchEntry.createMany({ data: entries });
  await adjustTermCounts(tx, deltas);
}

function splitTerms(terms: string): string[] {
  return terms.split(" ").filter(Boolean);
}

const ROWS_PER_STATEMENT = 500;

/** Upserts the changes in order of term, so that two writers lock rows in the same order. */
async function adjustTermCounts(tx: DbTransaction, deltas: ReadonlyMap<string, Counts>): Promise<void> {
  const changed = [...deltas]
    .filter(([, [documents, body, topics]]) => documents !== 0 || body !== 0 || topics !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let start = 0; start < changed.length; start += ROWS_PER_STATEMENT) {
    const rows: Sql[] = changed
      .slice(start, start + ROWS_PER_STATEMENT)
      .map(([term, [documents, body, topics]]) => sql`(${term}, ${documents}, ${body}, ${topics})`);
    await tx.$executeRaw`
      INSERT INTO "MinutesSearchTerm" ("term", "documents", "body", "topics") VALUES ${join(rows)}
      ON CONFLICT ("term") DO UPDATE SET
        "documents" = "MinutesSearchTerm"."documents" + excluded."documents",
        "body" = "MinutesSearchTerm"."body" + excluded."body",
        "topics" = "MinutesSearchTerm"."topics" + excluded."topics"`;
  }
  const emptied = changed.filter(([term, [documents]]) => term !== TOTALS && documents < 0).map(([term]) => term);
  for (let start = 0; start < emptied.length; start += ROWS_PER_STATEMENT) {
    const terms = emptied.slice(start, start + ROWS_PER_STATEMENT);
    await tx.minutesSearchTerm.deleteMany({ where: { term: { in: terms }, documents: { lte: 0 } } });
  }
}
