/**
 * Search at scale: the bot's resident memory and start-up time with 100, 1,000 and 10,000 stored
 * minutes documents, and `/objectives` latency at the largest size, for this build ("database
 * search") against a build of the old in-memory index ("in-memory index", the baseline), in the same
 * run, on the same SQLite files.
 *
 * The documents are synthetic but shaped like real minutes (a dozen or so agenda items of a few
 * sentences, the field's vocabulary, names and places that vary between documents), written directly
 * through the storage layer (DocumentRepository.storeVersion, which indexes them for search as
 * ingestion does) up to --store documents; each size's file is a copy of the previous one with more
 * added. Larger sizes are reached by copying those documents under new addresses, with their
 * versions, items, tags and search entries, and counting the search terms again: storing 10,000
 * documents one by one takes half an hour on a loaded machine, and the copies cost the bot what
 * distinct documents would (the same rows, entries and postings), bar a vocabulary that stops growing.
 * --reuse <folder> measures the files a previous run left there.
 *
 *   npm run build && npx tsx bench/search-scale.ts --baseline <folder with the old build> [--sizes 100,1000,10000] [--store 1000]
 *
 * The baseline folder is a checkout of the old code with `node_modules` linked and `npm run build`
 * run. Without --baseline only this build is measured.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import Sqlite from "better-sqlite3";
import type { MinutesJson, TaggedMinutesItem } from "../src/features/minutes/domain/document";
import { DocumentRepository } from "../src/features/minutes/storage/documents";
import { openDatabase, tuneDatabase } from "../src/storage/database";
import { migrateDatabase } from "../src/storage/migrate";
import { runLoad, SIGNING_SECRET } from "./harness";
import { freePort, root, startStandinProcess, treeRssMb } from "./processes";
import { objectivesBodies } from "./slack-requests";
import { formatRow } from "./stats";

const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    sizes: { type: "string", default: "100,1000,10000" },
    requests: { type: "string", default: "200" },
    store: { type: "string", default: "1000" },
    reuse: { type: "string" },
  },
});
const sizes = (values.sizes ?? "").split(",").map(Number);
const IDLE_MS = 3_000;
const PEPPER = "bench-pepper-0123456789abcdef0123456789";

const variants: { name: string; root: string }[] = [
  ...(values.baseline ? [{ name: "in-memory index", root: path.resolve(values.baseline) }] : []),
  { name: "database search", root },
];

// ---- synthetic minutes ----------------------------------------------------------------------

/** A small deterministic generator, so every run stores the same documents. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

const BODIES = ["The Governing Body", "The Board", "The Committee", "Members", "The Chair", "The Accountable Officer"];
const VERBS = ["discussed", "noted", "considered", "received", "approved", "reviewed", "challenged", "welcomed"];
const TOPICS = [
  "the commissioning plan for 2013/14",
  "the quality, innovation, productivity and prevention programme",
  "the authorisation action plan",
  "the financial position at month {n}",
  "the urgent care strategy",
  "the commissioning support unit service level agreement",
  "the local area team's assurance framework",
  "the health and wellbeing board's joint strategy",
  "patient and public engagement",
  "the clinical senate arrangements",
  "the out-of-hours procurement",
  "prescribing budgets and the medicines management team",
  "the safeguarding annual report",
  "the risk register",
  "community services redesign",
  "mental health liaison",
];
const CLAUSES = [
  "and agreed that a revised version would come back in {month}",
  "and asked for assurance that GP practices had been consulted",
  "and noted the risks to delivery set out in the paper",
  "and agreed to delegate the decision to the executive committee",
  "and requested a further report on performance against the constitution",
  "noting that the NHS Commissioning Board would confirm the allocation",
  "and agreed the recommendations subject to legal advice",
  "and noted concerns raised by the local medical committee",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"];
const HEADINGS = [
  "Finance report",
  "Quality report",
  "Chief Officer's report",
  "Risk register",
  "Strategy",
  "Any other business",
];
// Names and places vary between documents: the vocabulary grows with the corpus, as it does in real minutes.
const SYLLABLES = ["ash", "brook", "ley", "ton", "field", "wick", "more", "ham", "by", "stow", "well", "den", "ford"];

function word(next: () => number): string {
  return Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(next, SYLLABLES)).join("");
}

function sentence(next: () => number): string {
  const topic = pick(next, TOPICS).replace("{n}", String(1 + Math.floor(next() * 12)));
  const clause = pick(next, CLAUSES).replace("{month}", pick(next, MONTHS));
  const place = `${word(next)[0]?.toUpperCase()}${word(next).slice(1)}`;
  return `${pick(next, BODIES)} ${pick(next, VERBS)} ${topic} for ${place} ${clause}.`;
}

function syntheticMinutes(i: number): MinutesJson {
  const next = random(i * 7919 + 17);
  const items: TaggedMinutesItem[] = Array.from({ length: 8 + Math.floor(next() * 12) }, () => {
    const objective = 1 + Math.floor(next() * 4);
    return {
      text: Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(next)).join(" "),
      kind: pick(next, ["discussion", "decision", "action"] as const),
      heading: next() < 0.6 ? pick(next, HEADINGS) : null,
      owner: null,
      due: null,
      objectives: [objective],
      autonomy: false,
      autonomyScore: null,
      tags: [{ objective, score: 0.5 }],
    };
  });
  const ccg = `${word(next)[0]?.toUpperCase()}${word(next).slice(1)}`;
  return {
    title: `NHS ${ccg} CCG: minutes of the Governing Body meeting ${i}`,
    meetingDate: `2013-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    url: `https://www.example-ccg.nhs.uk/minutes/${i}`,
    minutes: true,
    notMinutesReason: null,
    attendees: [],
    apologies: [],
    items,
  };
}

async function store(databaseUrl: string, from: number, to: number): Promise<void> {
  const database = await openDatabase(databaseUrl);
  await migrateDatabase(databaseUrl, database.provider, database.db);
  await tuneDatabase(database);
  const documents = new DocumentRepository(database.db);
  const now = new Date("2013-06-01T09:00:00Z");
  for (let i = from; i < to; i++) {
    const minutes = syntheticMinutes(i);
    await documents.storeVersion(
      {
        key: minutes.url,
        link: minutes.url,
        sourceId: null,
        publisher: "www.example-ccg.nhs.uk",
        feedUpdatedAt: null,
        etag: null,
        lastModified: null,
        contentHash: `synthetic-${i}`,
        minutes,
      },
      now,
    );
  }
  await database.db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await database.close();
}

/** Copies the file's documents (ids up to those of `base` documents) until it holds `size`, then recounts the search terms. */
function copyUpTo(file: string, base: number, size: number): void {
  const db = new Sqlite(file);
  const max = (table: string, where = "") =>
    (db.prepare(`SELECT coalesce(max("id"), 0) AS m FROM "${table}" ${where}`).get() as { m: number }).m;
  const limits = {
    document: base,
    version: max("MinutesVersion", `WHERE "documentId" <= ${base}`),
    item: max("MinutesItem", `WHERE "versionId" <= ${max("MinutesVersion", `WHERE "documentId" <= ${base}`)}`),
    entry: max("MinutesSearchEntry", `WHERE "documentId" <= ${base}`),
  };
  const columns = (table: string) =>
    (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((column) => column.name);
  const copy = (table: string, shifted: Record<string, number>, renamed: Record<string, string>, where: string) => {
    const names = columns(table);
    const values = names.map((name) =>
      name in shifted ? `"${name}" + ${shifted[name]}` : (renamed[name] ?? `"${name}"`),
    );
    db.exec(
      `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) SELECT ${values.join(", ")} FROM "${table}" WHERE ${where}`,
    );
  };
  db.transaction(() => {
    for (let copyNumber = 1; base * (copyNumber + 1) <= size; copyNumber++) {
      const d = limits.document * copyNumber;
      const v = limits.version * copyNumber;
      const i = limits.item * copyNumber;
      const e = limits.entry * copyNumber;
      copy(
        "MinutesDocument",
        { id: d },
        { url: `"url" || '/copy-${copyNumber}'`, link: `"link" || '/copy-${copyNumber}'` },
        `"id" <= ${limits.document}`,
      );
      copy("MinutesVersion", { id: v, documentId: d }, {}, `"documentId" <= ${limits.document}`);
      copy("MinutesItem", { id: i, versionId: v }, {}, `"id" <= ${limits.item}`);
      copy("MinutesItemTag", { itemId: i }, {}, `"itemId" <= ${limits.item}`);
      copy("MinutesSearchEntry", { id: e, itemId: i, documentId: d }, {}, `"id" <= ${limits.entry}`);
    }
    const counts = new Map<string, [number, number, number]>();
    const totals: [number, number, number] = [0, 0, 0];
    const entries = db.prepare(
      `SELECT "bodyTerms", "topicsTerms", "bodyLength", "topicsLength" FROM "MinutesSearchEntry"`,
    );
    for (const entry of entries.iterate() as Iterable<{
      bodyTerms: string;
      topicsTerms: string;
      bodyLength: number;
      topicsLength: number;
    }>) {
      const body = new Set(entry.bodyTerms.split(" ").filter(Boolean));
      const topics = new Set(entry.topicsTerms.split(" ").filter(Boolean));
      for (const term of new Set([...body, ...topics])) {
        const count = counts.get(term) ?? [0, 0, 0];
        counts.set(term, [count[0] + 1, count[1] + (body.has(term) ? 1 : 0), count[2] + (topics.has(term) ? 1 : 0)]);
      }
      totals[0] += 1;
      totals[1] += entry.bodyLength;
      totals[2] += entry.topicsLength;
    }
    db.exec(`DELETE FROM "MinutesSearchTerm"`);
    const insert = db.prepare(
      `INSERT INTO "MinutesSearchTerm" ("term", "documents", "body", "topics") VALUES (?, ?, ?, ?)`,
    );
    insert.run("", ...totals);
    for (const [term, count] of counts) insert.run(term, ...count);
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

// ---- the bot under test ---------------------------------------------------------------------

interface Started {
  bot: ChildProcess;
  url: string;
  startupMs: number;
}

/** `npm start` of a build; start-up is from spawning the process to /readyz answering 200. */
async function startBot(variantRoot: string, databaseUrl: string, slack: { apiUrl: string; token: string }) {
  const port = await freePort();
  const started = performance.now();
  const bot = spawn(process.execPath, ["--max-semi-space-size=2", "dist/main.js"], {
    cwd: variantRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CONCERN_RECEIPT_PEPPER: PEPPER,
      LOG_LEVEL: "error",
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exited = false;
  bot.once("exit", () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`the bot in ${variantRoot} exited before it was ready`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    await sleep(10);
  }
  return { bot, url: `http://127.0.0.1:${port}/slack/events`, startupMs: performance.now() - started } as Started;
}

async function stop(bot: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => bot.once("exit", resolve));
  bot.kill("SIGTERM");
  await exited;
}

const QUESTIONS = [
  "can the board overrule our CCG?",
  "what does assumed liberty mean",
  "did the governing body discuss the urgent care strategy?",
  "what was said about the out-of-hours procurement",
  "who holds the money for commissioning support",
];

// ---- the run --------------------------------------------------------------------------------

const folder = values.reuse ?? mkdtempSync(path.join(tmpdir(), "localism-search-scale-"));
const files = new Map<number, string>();
let stored = 0;
const storeAtMost = Number(values.store);
const working = path.join(folder, "working.db");
console.log(`search at scale, ${new Date().toISOString()}; databases in ${folder}`);
for (const size of sizes) {
  const file = path.join(folder, `minutes-${size}.db`);
  files.set(size, file);
  if (values.reuse && existsSync(file)) {
    console.log(`  ${size} documents: reusing ${file}`);
    continue;
  }
  const started = performance.now();
  if (size <= storeAtMost) {
    await store(`file:${working}`, stored, size);
    stored = size;
    copyFileSync(working, file);
  } else {
    const base = Math.max(...[...files.keys()].filter((known) => known <= storeAtMost && size % known === 0));
    copyFileSync(files.get(base) as string, file);
    copyUpTo(file, base, size);
  }
  console.log(
    `  ${size} documents (${size <= storeAtMost ? "stored" : "copied"}: ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

const slack = await startStandinProcess();
const results: { variant: string; size: number; startupMs: number; readyRss: number; answeredRss: number }[] = [];
try {
  for (const size of sizes) {
    for (const variant of variants) {
      const databaseUrl = `file:${files.get(size)}`;
      const { bot, url, startupMs } = await startBot(variant.root, databaseUrl, slack);
      try {
        await sleep(IDLE_MS);
        const readyRss = treeRssMb(bot.pid as number);
        await runLoad(url, objectivesBodies(50, QUESTIONS), 50, 5);
        await sleep(IDLE_MS);
        const answeredRss = treeRssMb(bot.pid as number);
        results.push({ variant: variant.name, size, startupMs, readyRss, answeredRss });
        console.log(
          `  ${variant.name.padEnd(16)} ${String(size).padStart(6)} documents: start-up ${(startupMs / 1000).toFixed(2)} s, ` +
            `RSS ${readyRss.toFixed(0)} MB ready, ${answeredRss.toFixed(0)} MB after 50 questions`,
        );
        if (size === sizes.at(-1)) {
          await runLoad(url, objectivesBodies(50, QUESTIONS), 50, 1); // warm up
          const summary = await runLoad(
            url,
            objectivesBodies(Number(values.requests), QUESTIONS),
            Number(values.requests),
            1,
          );
          console.log(formatRow(`    /objectives, ${variant.name}, sequential`, summary));
          const concurrent = await runLoad(
            url,
            objectivesBodies(Number(values.requests), QUESTIONS),
            Number(values.requests),
            10,
          );
          console.log(formatRow(`    /objectives, ${variant.name}, 10 at a time`, concurrent));
        }
      } finally {
        await stop(bot);
      }
    }
  }
} finally {
  slack.close();
}

console.log("\nvariant            documents  start-up   RSS ready   RSS answered");
for (const row of results) {
  console.log(
    `${row.variant.padEnd(18)} ${String(row.size).padStart(9)}  ${(row.startupMs / 1000).toFixed(2).padStart(6)} s  ${row.readyRss.toFixed(0).padStart(6)} MB  ${row.answeredRss.toFixed(0).padStart(9)} MB`,
  );
}
for (const variant of variants) {
  const rows = results.filter((row) => row.variant === variant.name);
  const smallest = rows[0];
  const largest = rows.at(-1);
  if (!smallest || !largest || smallest === largest) continue;
  console.log(
    `${variant.name}: RSS at ${largest.size} / at ${smallest.size} = ${(largest.answeredRss / smallest.answeredRss).toFixed(2)}x (goal <= 1.2x); ` +
      `start-up at ${largest.size}: ${(largest.startupMs / 1000).toFixed(2)} s (goal <= 5 s)`,
  );
}
