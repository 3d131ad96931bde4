import type { Clock } from "../../../../src/clock";
import { taggingVocabularyFrom } from "../../../../src/features/minutes/domain/kb-vocabulary";
import type { DocumentLimits } from "../../../../src/features/minutes/domain/limits";
import { DocumentIngester, type MinutesBuilder } from "../../../../src/features/minutes/ingest/document-ingester";
import { IsolatedDocumentReader } from "../../../../src/features/minutes/ingest/document-reader";
import { type FetchLimits, HttpFetcher } from "../../../../src/features/minutes/ingest/http-fetcher";
import { ingestOneOff, type OneOffReport } from "../../../../src/features/minutes/ingest/one-off";
import { type SourcePausedListener, SourcePoller } from "../../../../src/features/minutes/ingest/source-poller";
import { SourceReader } from "../../../../src/features/minutes/ingest/source-reader";
import { MinutesPollJob } from "../../../../src/features/minutes/jobs/minutes-poll-job";
import { DocumentRepository } from "../../../../src/features/minutes/storage/documents";
import { MinutesReader } from "../../../../src/features/minutes/storage/reader";
import { MinutesSearchRepository } from "../../../../src/features/minutes/storage/search";
import { SourceRepository } from "../../../../src/features/minutes/storage/sources";
import { loadKnowledgeBase } from "../../../../src/features/objectives/domain/knowledge-base";
import { type SearchHit, SearchIndex } from "../../../../src/features/objectives/domain/search";
import { Logger } from "../../../../src/logger";
import { type Database, openDatabase } from "../../../../src/storage/database";
import { LeaseRepository } from "../../../../src/storage/leases";
import { freshDatabaseUrl, type Provider } from "../../../support/databases";

export const HOUR = 60 * 60_000;
export const kb = loadKnowledgeBase(new URL("../../../../knowledge", import.meta.url).pathname);

export interface IngestionHarness {
  database: Database;
  sources: SourceRepository;
  documents: DocumentRepository;
  reader: MinutesReader;
  /** Searches the stored minutes alone, as the bot searches them with the passages. */
  search(query: string, limit: number): Promise<SearchHit[]>;
  poller: SourcePoller;
  /** `localism ingest <url-or-file>` on this harness. */
  ingestOneOff(target: string): Promise<OneOffReport>;
  job(): MinutesPollJob;
  logs: string[];
  close(): Promise<void>;
}

/** Ingestion wired as the app wires it, on a fresh database, fetching for real (loopback allowed). */
export async function ingestionHarness(
  clock: Clock,
  fetch: Partial<FetchLimits> = {},
  provider: Provider = "sqlite",
  build?: MinutesBuilder,
  options: { limits?: DocumentLimits; onPaused?: SourcePausedListener } = {},
): Promise<IngestionHarness> {
  const database = await openDatabase(await freshDatabaseUrl(provider));
  const logs: string[] = [];
  const logger = new Logger("debug", (line) => logs.push(line));
  const sources = new SourceRepository(database.db);
  const documents = new DocumentRepository(database.db);
  const index = new SearchIndex();
  const stored = new MinutesSearchRepository(database.db, database.provider);
  const search = async (query: string, limit: number) =>
    index.lookup(query, limit, undefined, await stored.evidence(index.storedTerms(query), 60)).hits;
  const fetcher = new HttpFetcher({
    timeoutMs: 1_000,
    maxBytes: 256 * 1024,
    maxRedirects: 3,
    allowPrivateHosts: true,
    userAgent: "localism-bot test",
    ...fetch,
  });
  const ingester = new DocumentIngester({
    documents,
    vocabulary: taggingVocabularyFrom(kb),
    clock,
    ...(build ? { build } : {}),
    ...(options.limits ? { reader: new IsolatedDocumentReader({ limits: options.limits }) } : {}),
  });
  const reader = new SourceReader({ documents, ingester, fetcher });
  const poller = new SourcePoller({
    sources,
    reader,
    fetcher,
    clock,
    logger,
    pollIntervalMs: HOUR,
    ...(options.onPaused ? { onPaused: options.onPaused } : {}),
  });
  return {
    database,
    sources,
    documents,
    reader: new MinutesReader(database.db),
    search,
    poller,
    ingestOneOff: (target) => ingestOneOff(target, { fetcher, reader }),
    job: () => new MinutesPollJob({ sources, poller, leases: new LeaseRepository(database.db), clock, logger }),
    logs,
    close: async () => {
      await ingester.close();
      await database.close();
    },
  };
}
