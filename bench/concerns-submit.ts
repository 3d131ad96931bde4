/**
 * Concern submissions against bare Bolt's ack, then the outbox's delivery of what they owe:
 *
 *   npx tsx bench/concerns-submit.ts [--requests 1000] [--concurrency 20] [--concurrent-only]
 *   npx tsx bench/concerns-submit.ts --profile /tmp/prof [--requests 6000]
 *
 * With --profile the bot runs alone, `concurrency` at a time, and the main thread's CPU profiles of
 * the submissions and of the delivery after them are written to the folder and summarised.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ViewSubmitAction } from "@slack/bolt";
import BetterSqlite3 from "better-sqlite3";
import type { RunningBot } from "../src/app";
import { profileFile, startProfile, summarise } from "./cpu-profile";
import { owedRows, runLoad, SIGNING_SECRET, startBareBolt, startBenchBot } from "./harness";
import { startStandinProcess } from "./processes";
import { concernSubmissionBody } from "./slack-requests";
import { formatRow, type Summary } from "./stats";

const USER = "U0BENCH";
const TRIAGE = "C0TRIAGE";

const { values } = parseArgs({
  options: {
    requests: { type: "string" },
    concurrency: { type: "string", default: "20" },
    // Only `concurrency` at a time (the goal's figure), not one at a time first.
    "concurrent-only": { type: "boolean", default: false },
    /** Profile the bot alone into this folder. */
    profile: { type: "string" },
  },
});
const requests = Number(values.requests ?? (values.profile ? "6000" : "1000"));
const concurrency = Number(values.concurrency);

let batch = 0;
function bodies(count: number): string[] {
  batch += 1;
  return Array.from({ length: count }, (_, i) =>
    concernSubmissionBody({
      signingSecret: SIGNING_SECRET,
      viewId: `VB${batch}X${i}`,
      user: USER,
      objective: (i % 4) + 1,
      identity: "named",
      whatHappened: `The regional team decided our community services model for us (report ${i}).`,
    }),
  );
}

/**
 * The floor for "stored before acknowledged": a bare Bolt app that writes each submission's one row
 * in a SQLite transaction on a file (WAL, synchronous NORMAL, better-sqlite3) and then acks.
 */
async function startStoringBolt(slack: { apiUrl: string; token: string }) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "localism-bench-floor-")), "floor.db");
  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(`CREATE TABLE "Submission" ("id" INTEGER PRIMARY KEY, "viewId" TEXT NOT NULL UNIQUE,
    "userId" TEXT NOT NULL, "whatHappened" TEXT NOT NULL, "at" TEXT NOT NULL)`);
  const insert = db.prepare(`INSERT INTO "Submission" ("viewId", "userId", "whatHappened", "at") VALUES (?, ?, ?, ?)`);
  const store = db.transaction((viewId: string, userId: string, text: string) => {
    insert.run(viewId, userId, text, new Date().toISOString());
  });
  const app = await startBareBolt(slack, (bolt) =>
    bolt.view<ViewSubmitAction>("concern_form", async ({ ack, body, view }) => {
      const text = view.state.values.concern_what_happened?.what_happened?.value ?? "";
      store(view.id, body.user.id, text);
      await ack();
    }),
  );
  return { ...app, count: () => (db.prepare(`SELECT COUNT(*) AS "n" FROM "Submission"`).get() as { n: number }).n };
}

/** The bot's outbox delivered to the last card and DM, and the CPU it took after the run. */
async function drain(bot: RunningBot): Promise<{ backlog: number; cpuMs: number; seconds: number }> {
  const backlog = await owedRows(bot);
  const cpu = process.cpuUsage();
  const started = performance.now();
  while ((await owedRows(bot)) > 0) {
    bot.core.features.concerns.outbox?.nudge();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const used = process.cpuUsage(cpu);
  return { backlog, cpuMs: (used.user + used.system) / 1000, seconds: (performance.now() - started) / 1000 };
}

// The cards and DMs sent after each ack cost the stand-in's process, not the bot's.
function startStandin() {
  return startStandinProcess({
    users: [
      { id: USER, name: "bench" },
      { id: "U0LEAD", name: "lead" },
    ],
    channels: [{ id: TRIAGE, name: "triage", members: ["U0LEAD"] }],
  });
}

/** The bot alone, `concurrency` at a time, with a CPU profile of the submissions and one of the delivery after them. */
async function profile(dir: string) {
  mkdirSync(dir, { recursive: true });
  const standin = await startStandin();
  const { url, bot } = await startBenchBot(standin, { CONCERN_LEADS: "U0LEAD", CONCERN_TRIAGE_CHANNEL: TRIAGE });
  await runLoad(url, bodies(200), 200, 5);
  await drain(bot);
  let profiler = await startProfile();
  const run = await runLoad(url, bodies(requests), requests, concurrency);
  const submitting = await profiler.stop(profileFile(dir, "submissions"));
  profiler = await startProfile();
  const delivery = await drain(bot);
  const delivering = await profiler.stop(profileFile(dir, "delivery"));
  console.log(
    `${requests} submissions ${concurrency} at a time (load average ${loadavg()[0]?.toFixed(2)}): ${run.throughput.toFixed(0)}/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, CPU ${run.cpuMs?.toFixed(2)} ms each`,
  );
  console.log(`\nThe submissions, main thread:\n${summarise(submitting)}`);
  console.log(
    `\nThen ${delivery.backlog} cards and DMs owed, delivered in ${delivery.seconds.toFixed(1)} s, ${(delivery.cpuMs / requests).toFixed(2)} ms CPU a submission; main thread:\n${summarise(delivering)}`,
  );
  console.log(`\nProfiles in ${dir}`);
  await bot.stop();
  standin.close();
}

async function main() {
  const standin = await startStandin();
  const bare = await startBareBolt(standin, (app) => app.view("concern_form", async ({ ack }) => ack()));
  const floor = await startStoringBolt(standin);
  const { url, bot } = await startBenchBot(standin, { CONCERN_LEADS: "U0LEAD", CONCERN_TRIAGE_CHANNEL: TRIAGE });
  const drained = () => drain(bot);

  for (const target of [bare.url, floor.url, url]) await runLoad(target, bodies(200), 200, 5); // warm up JIT, connections, SQLite
  await drained();

  console.log(
    `Concern view_submission -> ack: ${requests} distinct signed submissions per run, Bolt HTTP receiver on loopback, SQLite (WAL), ${new Date().toISOString()}, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")}`,
  );
  console.log(
    "localism-bot validates, stores the concern and its audit entry in one transaction, and acks with the confirmation view; the triage card and DM follow after the ack.",
  );
  console.log(
    "bare Bolt only acks; bare Bolt + SQLite writes one row in a SQLite transaction (WAL, synchronous NORMAL) and then acks.",
  );
  const levels = values["concurrent-only"]
    ? ([[`${concurrency} concurrent`, concurrency]] as const)
    : ([
        ["sequential", 1],
        [`${concurrency} concurrent`, concurrency],
      ] as const);
  for (const [label, inFlight] of levels) {
    const bareRun = await runLoad(bare.url, bodies(requests), requests, inFlight);
    const floorRun = await runLoad(floor.url, bodies(requests), requests, inFlight);
    const botRun = await runLoad(url, bodies(requests), requests, inFlight);
    const delivery = await drained();
    const ratio = (of: Summary, to: Summary) =>
      `${(of.throughput / to.throughput).toFixed(2)}x the rate, ${((of.cpuMs ?? 0) / (to.cpuMs ?? 1)).toFixed(2)}x the CPU`;
    console.log(`\n${label} (load average ${loadavg()[0]?.toFixed(2)})`);
    console.log(formatRow("bare Bolt ack", bareRun));
    console.log(formatRow("bare + SQLite", floorRun));
    console.log(formatRow("localism-bot", botRun));
    console.log(`  localism/bare: ${ratio(botRun, bareRun)}; p99 ${(botRun.p99 / bareRun.p99).toFixed(2)}x`);
    console.log(`  localism/bare+SQLite: ${ratio(botRun, floorRun)}`);
    console.log(`  bare+SQLite/bare: ${ratio(floorRun, bareRun)}`);
    console.log(
      `  after the last ack ${delivery.backlog} cards and DMs were still owed, delivered in ${delivery.seconds.toFixed(1)} s with ${(delivery.cpuMs / requests).toFixed(2)} ms CPU a submission more (${((botRun.cpuMs ?? 0) + delivery.cpuMs / requests).toFixed(2)} ms in all)`,
    );
  }
  const stored = await bot.core.database.db.concern.count();
  const chain = await bot.core.features.concerns.audit.verify();
  const expected = 200 + levels.length * requests;
  console.log(
    `\nStored ${stored} concerns (expected ${expected}); audit chain ${chain.chain.ok ? `intact, ${chain.chain.count} entries` : "BROKEN"}; the floor stored ${floor.count()} rows (expected ${expected}).`,
  );
  await bot.stop();
  await floor.stop();
  await bare.stop();
  standin.close();
}

if (values.profile) await profile(values.profile);
else await main();
