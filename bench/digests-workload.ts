/**
 * One measured phase of bench/digests-scale.ts, run in its own process so that its memory peak is
 * its own: "ingest N" parses, tags, stores and indexes N minutes documents; "digests N" claims and
 * renders the digests of N subscriptions (20 new documents in the week), writing their outbox rows.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ManualClock } from "../src/clock";
import { taggingVocabularyFrom } from "../src/features/minutes/domain/kb-vocabulary";
import { DocumentIngester } from "../src/features/minutes/ingest/document-ingester";
import { DigestBuilder } from "../src/features/minutes/services/digest-builder";
import { DigestService } from "../src/features/minutes/services/digest-service";
import { createDigestRenderer } from "../src/features/minutes/slack/views/digest";
import { ClaimRepository } from "../src/features/minutes/storage/claims";
import { DocumentRepository } from "../src/features/minutes/storage/documents";
import { MinutesReader } from "../src/features/minutes/storage/reader";
import { SubscriptionRepository } from "../src/features/minutes/storage/subscriptions";
import { loadKnowledgeBase } from "../src/features/objectives/domain/knowledge-base";
import { Logger } from "../src/logger";
import { openDatabase, tuneDatabase } from "../src/storage/database";

const root = path.resolve(import.meta.dirname, "..");
/** The project's own test documents (test/fixtures/minutes/README.md), as a publisher would serve them. */
const fixtures = path.join(root, "test/fixtures/minutes");
const SAMPLES = [
  "open-health-data-board-2011-10-12.txt",
  "nhscba-private-board-2012-09-20.txt",
  "wharfedale-ccg-governing-body-2013-01-10.txt",
  "dalesway-icb-board-2024-09-26.txt",
].map((name) => readFileSync(path.join(fixtures, name), "utf8"));
const HTML = readFileSync(path.join(fixtures, "govuk-style-accountability-minutes.html"));
const DOCUMENTS_PER_WEEK = 20;

export interface PhaseResult {
  phase: string;
  n: number;
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  detail: string;
}

/** Minutes text made unique per document (its hash differs), alternating plain text and HTML. */
function sampleDocument(n: number): { contentType: string; body: Uint8Array } {
  if (n % 5 === 4)
    return {
      contentType: "text/html",
      body: new Uint8Array(Buffer.from(HTML.toString("utf8").replace("</table>", `</table><p>Reference ${n}.</p>`))),
    };
  const text = `${SAMPLES[n % SAMPLES.length]}\n\nDocument reference ${n}: the Board noted the transfer of power to local organisations.`;
  return { contentType: "text/plain", body: new Uint8Array(Buffer.from(text)) };
}

function setUp(databaseUrl: string, clock: ManualClock) {
  const kb = loadKnowledgeBase(path.join(root, "knowledge"));
  return { kb, vocabulary: taggingVocabularyFrom(kb), open: () => openDatabase(databaseUrl), clock };
}

async function ingest(databaseUrl: string, n: number, clock: ManualClock, start = 0): Promise<string> {
  const { vocabulary, open } = setUp(databaseUrl, clock);
  const database = await open();
  await tuneDatabase(database);
  const ingester = new DocumentIngester({
    documents: new DocumentRepository(database.db),
    vocabulary,
    clock,
  });
  let items = 0;
  for (let i = start; i < start + n; i++) {
    const result = await ingester.ingest(sampleDocument(i), {
      link: `https://www.gov.uk/government/publications/minutes-${i}`,
      publisher: "Department of Health",
      sourceId: null,
    });
    items += result.items;
  }
  await database.close();
  const searchable = await database.db.minutesSearchEntry.count();
  return `${items} items tagged and stored, ${searchable} searchable`;
}

async function digests(
  databaseUrl: string,
  n: number,
  clock: ManualClock,
): Promise<{ detail: string; measure: () => Promise<string> }> {
  const { kb, open } = setUp(databaseUrl, clock);
  await ingest(databaseUrl, DOCUMENTS_PER_WEEK, clock);
  const database = await open();
  await tuneDatabase(database);
  const subscriptions = new SubscriptionRepository(database.db);
  const schedule = { frequency: "weekly" as const, weekday: 1, time: "09:00", timeZone: "Europe/London" };
  for (let i = 0; i < n; i++) {
    await subscriptions.subscribe({
      workspaceId: "T0LOCAL",
      channelId: `C${String(i).padStart(8, "0")}`,
      schedule,
      quietNotes: false,
      subscriberId: "U0LEAD001",
      coveredFrom: new Date("2026-03-16T09:00:00Z"),
      now: new Date("2026-03-18T09:00:00Z"),
    });
  }
  const reader = new MinutesReader(database.db);
  const claims = new ClaimRepository(database.db);
  const renderer = createDigestRenderer(new Map(kb.objectives.map((objective) => [objective.number, objective.title])));
  const service = new DigestService({
    subscriptions,
    claims,
    reader,
    builder: new DigestBuilder({ reader, claims, renderer }),
    clock,
    logger: new Logger("error"),
  });
  clock.set(new Date("2026-03-23T09:00:00Z"));
  return {
    detail: "",
    measure: async () => {
      const claimed = await service.claimDue();
      const messages = await database.db.slackOutbox.count();
      await database.close();
      return `${claimed} digests claimed, ${messages} outbox messages written (${DOCUMENTS_PER_WEEK} documents each)`;
    },
  };
}

/** Runs one phase and reports its time and memory peak (sampled every 10 ms). */
export async function runPhase(phase: "ingest" | "digests", n: number, databaseUrl: string): Promise<PhaseResult> {
  const clock = new ManualClock(new Date("2026-03-18T10:00:00Z"));
  const prepared = phase === "digests" ? await digests(databaseUrl, n, clock) : null;
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 10);
  const started = performance.now();
  const detail = prepared ? await prepared.measure() : await ingest(databaseUrl, n, clock);
  const ms = performance.now() - started;
  clearInterval(sampler);
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  peakHeap = Math.max(peakHeap, usage.heapUsed);
  return { phase, n, ms, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20, detail };
}
