import { join, type Sql, sqltag as sql } from "@prisma/client/runtime/client";
import type { DatabaseProvider } from "../../../config";
import type { Db } from "../../../storage/database";
import type { DbTransaction } from "../../../storage/db-errors";
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
export class MinutesSearchRepository implements StoredDocuments {
  constructor(
    private readonly db: Db,
    private readonly provider: DatabaseProvider,
  ) {}

  async evidence(terms: string[], limit: number): Promise<StoredEvidence> {
    const asked = [...new Set(terms)].filter(Boolean);
    const rows = await this.db.minutesSearchTerm.findMany({ where: { term: { in: [TOTALS, ...asked] } } });
    const totalsRow = rows.find((row) => row.term === TOTALS);
    const totals = {
      documents: totalsRow?.documents ?? 0,
      bodyLength: totalsRow?.body ?? 0,
      topicsLength: totalsRow?.topics ?? 0,
    };
    const counts = new Map<string, StoredTermCounts>(
      rows
        .filter((row) => row.term !== TOTALS && row.documents > 0)
        .map((row) => [row.term, { documents: row.documents, body: row.body, topics: row.topics }]),
    );
    if (counts.size === 0 || totals.documents === 0) return { totals, terms: counts, candidates: [] };
    const weighted = [...counts].map(([term, count]) => ({
      term,
      weight: inverseDocumentFrequency(totals.documents, count.documents),
    }));
    const ids =
      this.provider === "sqlite"
        ? await this.sqliteMatches(weighted, limit)
        : await this.postgresMatches(weighted, limit);
    return { totals, terms: counts, candidates: await this.candidates(ids) };
  }

  /** FTS5's own BM25 ranks the entries; each term is quoted, so nothing in it is read as query syntax. */
  private async sqliteMatches(terms: { term: string }[], limit: number): Promise<number[]> {
    const expression = terms.map(({ term }) => `"${term.replace(/"/g, '""')}"`).join(" OR ");
    const rows = await this.db.$queryRaw<{ id: number | bigint }[]>`
      SELECT rowid AS id FROM "MinutesSearchFts" WHERE "MinutesSearchFts" MATCH ${expression}
      ORDER BY bm25("MinutesSearchFts", 1.0, 1.5) LIMIT ${limit}`;
    return rows.map((row) => Number(row.id));
  }

  /** The GIN index finds the entries using any term; they are ranked by the idf-weighted share of the terms they use. */
  private async postgresMatches(terms: { term: string; weight: number }[], limit: number): Promise<number[]> {
    const any = terms.map(({ term }) => tsqueryLexeme(term)).join(" | ");
    const weights = join(
      terms.map(({ term, weight }) => sql`(to_tsquery('simple', ${tsqueryLexeme(term)}), ${weight}::float8)`),
    );
    const rows = await this.db.$queryRaw<{ id: number }[]>`
      WITH q (query, weight) AS (VALUES ${weights})
      SELECT e."id" FROM "MinutesSearchEntry" e
      WHERE e."vector" @@ to_tsquery('simple', ${any})
      ORDER BY (SELECT sum(q.weight) FROM q WHERE e."vector" @@ q.query) DESC, e."bodyLength", e."id" DESC
      LIMIT ${limit}`;
    return rows.map((row) => Number(row.id));
  }

  private async candidates(ids: number[]): Promise<StoredCandidate[]> {
    if (ids.length === 0) return [];
    const entries = await this.db.minutesSearchEntry.findMany({
      where: { id: { in: ids } },
      include: {
        item: {
          select: {
            position: true,
            text: true,
            heading: true,
            version: { select: { title: true, meetingDate: true, storedAt: true } },
          },
        },
        document: { select: { link: true, publisher: true } },
      },
    });
    const order = new Map(ids.map((id, index) => [id, index]));
    return entries
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((entry) => ({
        document: minutesItemDocument(
          entry.documentId,
          entry.item.position,
          minutesSource({ ...entry.item.version, publisher: entry.document.publisher, url: entry.document.link }),
          { text: entry.item.text, heading: entry.item.heading, objective: entry.objective },
        ),
        body: termCounts(entry.bodyTerms),
        topics: termCounts(entry.topicsTerms),
        bodyLength: entry.bodyLength,
        topicsLength: entry.topicsLength,
      }));
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
