/**
 * Concern submissions against bare Bolt's ack, then the outbox's delivery of what they owe:
 *
 *   npx tsx bench/concerns-submit.ts [--requests 1000] [--concurrency 20] [--rounds 3] [--concurrent-only]
 *                                    [--slack-limits]
 *   npx tsx bench/concerns-submit.ts --profile /tmp/prof [--requests 6000] [--slack-limits]
 *
 * The three apps (bare Bolt, bare Bolt storing one row, the bot) run in interleaved rounds, each
 * after its own warm-up; the figures are each round's and their medians and ranges.
 * With --slack-limits the stand-in keeps chat.postMessage to Slack's one message a second per
 * channel (429 with Retry-After beyond it), and the cards and DMs still owed after a run, which Slack
 * would take minutes to accept, are counted and then marked settled so the next run starts level.
 * With --profile the bot runs alone, `concurrency` at a time, and the main thread's CPU profiles of
 * the submissions and of the delivery after them are written to the folder and summarised.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ViewSubmitAction } from "@slack/bolt";
import BetterSqlite3 from "better-sqlite3";
import type { RunningBot } from "../src/app";
import { profileFile, startProfile, summarise } from "./cpu-profile";
import {
  type Contender,
  interleavedRounds,
  loadAverage,
  owedRows,
  reportRounds,
  runLoad,
  SIGNING_SECRET,
  startBareBolt,
  startBenchBot,
} from "./harness";
import { startStandinProcess } from "./processes";
import { concernSubmissionBodies } from "./slack-requests";
import { median, medianAndRange } from "./stats";

const USER = "U0BENCH";
const TRIAGE = "C0TRIAGE";

const { values } = parseArgs({
  options: {
    requests: { type: "string" },
    concurrency: { type: "string", default: "20" },
    rounds: { type: "string", default: "3" },
    // Only `concurrency` at a time (the goal's figure), not one at a time first.
    "concurrent-only": { type: "boolean", default: false },
    // Slack's own pace for chat.postMessage in the stand-in.
    "slack-limits": { type: "boolean", default: false },
    /** Profile the bot alone into this folder. */
    profile: { type: "string" },
  },
});
const requests = Number(values.requests ?? (values.profile ? "6000" : "1000"));
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);
/** Each app's warm-up before each of its runs (JIT, connections, SQLite's pages). */
const WARM_UP = 200;

const bodies = (count: number) => concernSubmissionBodies(count, SIGNING_SECRET, USER);

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

const slackLimits = values["slack-limits"];

/**
 * The bot's outbox delivered to the last card and DM, and the CPU it took after the run. At Slack's
 * pace (--slack-limits) what is owed is counted and marked settled instead: it would take minutes.
 */
async function drain(bot: RunningBot): Promise<{ backlog: number; cpuMs: number; seconds: number }> {
  const backlog = await owedRows(bot);
  if (slackLimits) {
    await bot.core.features.concerns.outbox?.runOnce();
    await bot.core.database.db.concernOutbox.updateMany({
      where: { sentAt: null },
      data: { sentAt: new Date(), lockedBy: null, lockedUntil: null },
    });
    return { backlog, cpuMs: 0, seconds: 0 };
  }
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
  return startStandinProcess(
    {
      users: [
        { id: USER, name: "bench" },
        { id: "U0LEAD", name: "lead" },
      ],
      channels: [{ id: TRIAGE, name: "triage", members: ["U0LEAD"] }],
    },
    slackLimits ? { "chat.postMessage": { perChannelPerSecond: 1 } } : {},
  );
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
    `${requests} submissions ${concurrency} at a time (load average ${loadAverage()}): ${run.throughput.toFixed(0)}/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, CPU ${run.cpuMs?.toFixed(2)} ms each`,
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

  console.log(
    `Concern view_submission -> ack: ${requests} distinct signed submissions per run, Bolt HTTP receiver on loopback, SQLite (WAL), ${new Date().toISOString()}, load average ${loadAverage()}`,
  );
  console.log(
    "localism-bot validates, stores the concern and its audit entry in one transaction, and acks with the confirmation view; the triage card and DM follow after the ack.",
  );
  console.log(
    "bare Bolt only acks; bare Bolt + SQLite writes one row in a SQLite transaction (WAL, synchronous NORMAL) and then acks.",
  );
  console.log(
    `${rounds} rounds, each app in turn after a warm-up of ${WARM_UP}; CPU is the process's (app and load generator) per submission, GC the main thread's pauses.`,
  );
  const levels = values["concurrent-only"]
    ? ([[`${concurrency} concurrent`, concurrency]] as const)
    : ([
        ["sequential", 1],
        [`${concurrency} concurrent`, concurrency],
      ] as const);
  for (const [label, inFlight] of levels) {
    console.log(`\n== ${label}`);
    const deliveries: Array<{ backlog: number; cpuMs: number; seconds: number }> = [];
    const app = (name: string, target: string, owes = false): Contender => ({
      name,
      warmUp: async () => {
        await runLoad(target, bodies(WARM_UP), WARM_UP, inFlight);
        if (owes) await drain(bot);
      },
      run: () => runLoad(target, bodies(requests), requests, inFlight),
      ...(owes ? { after: async () => void deliveries.push(await drain(bot)) } : {}),
    });
    const results = await interleavedRounds(
      [app("bare Bolt ack", bare.url), app("bare + SQLite", floor.url), app("localism-bot", url, true)],
      rounds,
    );
    reportRounds(results, [
      { of: "localism-bot", to: "bare Bolt ack" },
      { of: "localism-bot", to: "bare + SQLite" },
      { of: "bare + SQLite", to: "bare Bolt ack" },
    ]);
    const bots = results.get("localism-bot") ?? [];
    console.log(
      `  after the bot's last ack ${Math.round(median(deliveries.map((delivery) => delivery.backlog)))} cards and DMs (median) were still owed, delivered in ${medianAndRange(
        deliveries.map((delivery) => delivery.seconds),
        1,
        " s",
      )} with ${medianAndRange(
        deliveries.map((delivery) => delivery.cpuMs / requests),
        2,
        " ms",
      )} of CPU a submission more (${medianAndRange(
        bots.map((run, i) => (run.cpuMs ?? 0) + (deliveries[i]?.cpuMs ?? 0) / requests),
        2,
        " ms",
      )} in all)`,
    );
  }
  const stored = await bot.core.database.db.concern.count();
  const chain = await bot.core.features.concerns.audit.verify();
  const expected = levels.length * rounds * (WARM_UP + requests);
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
