/**
 * Time to read one minutes document as ingestion does: extractText (HTML main content, PDF text,
 * plain text) then buildMinutesDocument (parse, recognise non-minutes, tag), for every document of
 * the labelled corpus (test/fixtures/minutes-corpus/), against a baseline in the same run that
 * only extracts the text. Prints median and p95 per format, HTML and text apart from PDF, and the
 * first document of each format read in a fresh process (parsers loaded on first use). Times are
 * wall-clock and, as on a shared machine other processes' load inflates wall-clock, CPU time of
 * this process too (process.cpuUsage, all its threads).
 * Goal: under 50 ms per HTML or text document, under 200 ms per PDF.
 *
 *   npx tsx bench/minutes-ingest.ts [--runs 20] [--folder test/fixtures/minutes-corpus]
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { buildMinutesDocument } from "../src/features/minutes/domain/document";
import { extractText } from "../src/features/minutes/domain/extract";
import { taggingVocabularyFrom } from "../src/features/minutes/domain/kb-vocabulary";
import { loadKnowledgeBase } from "../src/features/objectives/domain/knowledge-base";
import { percentile } from "./stats";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    folder: { type: "string", default: "test/fixtures/minutes-corpus" },
  },
});
const runs = Number(values.runs);
const folder = path.resolve(values.folder);

const TYPES: Record<string, string> = { ".html": "text/html", ".txt": "text/plain", ".pdf": "application/pdf" };
type Group = "HTML and text" | "PDF";
const GOAL_MS: Record<Group, number> = { "HTML and text": 50, PDF: 200 };

interface Document {
  name: string;
  contentType: string;
  body: Uint8Array;
  group: Group;
}

const documents: Document[] = readdirSync(folder)
  .filter((name) => TYPES[path.extname(name)])
  .sort()
  .map((name) => {
    const contentType = TYPES[path.extname(name)] as string;
    return {
      name,
      contentType,
      body: new Uint8Array(readFileSync(path.join(folder, name))),
      group: contentType === "application/pdf" ? "PDF" : "HTML and text",
    };
  });
const vocabulary = taggingVocabularyFrom(loadKnowledgeBase(path.resolve("knowledge")));

async function extractOnly(document: Document): Promise<void> {
  await extractText({ contentType: document.contentType, body: document.body, url: `file:///${document.name}` });
}

async function ingest(document: Document): Promise<void> {
  const url = `file:///${document.name}`;
  const extracted = await extractText({ contentType: document.contentType, body: document.body, url });
  buildMinutesDocument(extracted.text, { url, ...(extracted.title ? { title: extracted.title } : {}) }, vocabulary);
}

interface Sample {
  wall: number;
  cpu: number;
}

async function time(work: () => Promise<void>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

async function main() {
  console.log(
    `Minutes ingestion: ${documents.length} documents in ${path.relative(process.cwd(), folder) || folder}, ${runs} runs each, ${new Date().toISOString()}`,
  );
  const first = new Map<Group, { name: string; sample: Sample }>();
  for (const document of documents) {
    if (first.has(document.group)) continue;
    first.set(document.group, { name: document.name, sample: await time(() => ingest(document)) });
  }
  for (const document of documents) await ingest(document); // warm up the JIT

  const samples = { baseline: new Map<Group, Sample[]>(), ingest: new Map<Group, Sample[]>() };
  const slowest = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    for (const document of documents) {
      const extracted = await time(() => extractOnly(document));
      const ingested = await time(() => ingest(document));
      samples.baseline.set(document.group, [...(samples.baseline.get(document.group) ?? []), extracted]);
      samples.ingest.set(document.group, [...(samples.ingest.get(document.group) ?? []), ingested]);
      slowest.set(document.name, Math.max(slowest.get(document.name) ?? 0, ingested.wall));
    }
  }

  const stat = (times: Sample[], key: keyof Sample, p: number) =>
    percentile(
      times.map((sample) => sample[key]).sort((a, b) => a - b),
      p,
    );
  const row = (label: string, times: Sample[]) =>
    `  ${label.padEnd(34)} wall median ${stat(times, "wall", 50).toFixed(1).padStart(6)} ms, p95 ${stat(times, "wall", 95).toFixed(1).padStart(6)} ms;  CPU median ${stat(times, "cpu", 50).toFixed(1).padStart(6)} ms, p95 ${stat(times, "cpu", 95).toFixed(1).padStart(6)} ms`;
  for (const group of ["HTML and text", "PDF"] as Group[]) {
    const ingestTimes = samples.ingest.get(group) ?? [];
    const count = documents.filter((document) => document.group === group).length;
    console.log(`\n${group} (${count} documents), goal under ${GOAL_MS[group]} ms a document:`);
    console.log(row("baseline: extract the text only", samples.baseline.get(group) ?? []));
    console.log(row("ingest: extract, parse and tag", ingestTimes));
    const verdict = (key: keyof Sample) => (stat(ingestTimes, key, 95) < GOAL_MS[group] ? "within" : "OVER");
    console.log(`  at p95: ${verdict("wall")} the goal by the clock, ${verdict("cpu")} it in CPU time`);
    const cold = first.get(group);
    if (cold) {
      console.log(
        `  first document in a fresh process (${cold.name}): ${cold.sample.wall.toFixed(1)} ms wall, ${cold.sample.cpu.toFixed(1)} ms CPU`,
      );
    }
  }
  const worst = [...slowest.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(
    `\nSlowest documents (worst run, wall): ${worst.map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(", ")}`,
  );
  console.log(
    `Load average while running: ${(await import("node:os"))
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(", ")}`,
  );
}

await main();
