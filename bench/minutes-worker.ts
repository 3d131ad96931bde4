/**
 * What reading documents in the worker thread costs, against reading them in this thread in the same
 * run: every document of the labelled corpus (test/fixtures/minutes-corpus/) read both ways, alternately,
 * with the same limits (readMinutes: extract, parse, tag, bound). Prints the median and p95 per format
 * and the difference, the first read in a fresh worker (thread start and parsers loaded), and how long
 * this thread's event loop was held up while a hostile PDF (100,000 empty pages) was read each way.
 *
 *   npx tsx bench/minutes-worker.ts [--runs 10] [--folder test/fixtures/minutes-corpus]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { taggingVocabularyFrom } from "../src/features/minutes/domain/kb-vocabulary";
import { type ReadRequest, readMinutes } from "../src/features/minutes/domain/read";
import { IsolatedDocumentReader } from "../src/features/minutes/ingest/document-reader";
import { loadKnowledgeBase } from "../src/features/objectives/domain/knowledge-base";
import { emptyPagesPdf } from "../test/features/minutes/ingest/hostile";
import { percentile } from "./stats";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    folder: { type: "string", default: "test/fixtures/minutes-corpus" },
  },
});
const runs = Number(values.runs);
const folder = path.resolve(values.folder);
const TYPES: Record<string, string> = { ".html": "text/html", ".txt": "text/plain", ".pdf": "application/pdf" };
const vocabulary = taggingVocabularyFrom(loadKnowledgeBase(path.resolve("knowledge")));

const requests: (ReadRequest & { group: string })[] = readdirSync(folder)
  .filter((name) => TYPES[path.extname(name)])
  .sort()
  .map((name) => {
    const contentType = TYPES[path.extname(name)] as string;
    const url = `file:///${name}`;
    return {
      group: contentType === "application/pdf" ? "PDF" : "HTML and text",
      document: { contentType, body: new Uint8Array(readFileSync(path.join(folder, name))), url },
      hints: { url },
      vocabulary,
    };
  });

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work().catch(() => undefined);
  return performance.now() - start;
}

/**
 * The longest this thread's timers were held up while `work` ran, in ms: the gap between ticks of a
 * 10 ms interval (work that never yields to the timers phase shows as one long gap).
 */
async function longestStall(work: () => Promise<unknown>): Promise<{ stall: number; wall: number }> {
  let last = performance.now();
  let stall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 10);
  const wall = await timed(work);
  clearInterval(ticker);
  stall = Math.max(stall, performance.now() - last);
  return { stall, wall };
}

async function main() {
  console.log(
    `Minutes reading in a worker thread: ${requests.length} documents, ${runs} runs each, ${new Date().toISOString()}`,
  );
  const worker = new IsolatedDocumentReader({ alwaysInWorker: true });
  const [firstPdf] = requests.filter((request) => request.group === "PDF");
  if (firstPdf)
    console.log(
      `  first read in a fresh worker (${firstPdf.document.url}): ${(await timed(() => worker.read(firstPdf))).toFixed(0)} ms`,
    );
  for (const request of requests) {
    await readMinutes(request);
    await worker.read(request);
  }

  const samples = new Map<string, { thread: number[]; worker: number[] }>();
  for (let run = 0; run < runs; run++) {
    for (const request of requests) {
      const group = samples.get(request.group) ?? { thread: [], worker: [] };
      group.thread.push(await timed(() => readMinutes(request)));
      group.worker.push(await timed(() => worker.read(request)));
      samples.set(request.group, group);
    }
  }
  const stat = (times: number[], p: number) =>
    percentile(
      [...times].sort((a, b) => a - b),
      p,
    );
  for (const [group, times] of samples) {
    console.log(`\n${group}:`);
    for (const [label, list] of [
      ["baseline: in this thread", times.thread],
      ["in the worker", times.worker],
    ] as const) {
      console.log(
        `  ${label.padEnd(26)} median ${stat(list, 50).toFixed(1).padStart(7)} ms, p95 ${stat(list, 95).toFixed(1).padStart(7)} ms`,
      );
    }
    console.log(
      `  overhead of the worker     median ${(stat(times.worker, 50) - stat(times.thread, 50)).toFixed(1).padStart(7)} ms`,
    );
  }

  const url = "file:///pages.pdf";
  const hostile: ReadRequest = {
    document: { contentType: "application/pdf", body: emptyPagesPdf(100_000), url },
    hints: { url },
    vocabulary,
  };
  const inThread = await longestStall(() => readMinutes(hostile));
  const inWorker = await longestStall(() => worker.read(hostile));
  console.log("\nA PDF of 100,000 empty pages (refused by the page limit), this thread's longest stall:");
  console.log(
    `  baseline: in this thread   ${inThread.stall.toFixed(0).padStart(6)} ms of ${inThread.wall.toFixed(0)} ms`,
  );
  console.log(
    `  in the worker              ${inWorker.stall.toFixed(0).padStart(6)} ms of ${inWorker.wall.toFixed(0)} ms`,
  );
  await worker.close();
}

await main();
