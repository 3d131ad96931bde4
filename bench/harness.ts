/** What the latency benchmarks share: the two apps under test, the load generator and the report. */
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";
import { App, LogLevel } from "@slack/bolt";
import { type RunningBot, startBot } from "../src/app";
import { loadConfig } from "../src/config";
import { Logger } from "../src/logger";
import { fastStatements } from "../src/storage/database";
import { statement } from "../src/storage/fast-statements";
import { formatRow, medianAndRange, type Summary, summarise } from "./stats";

export const SIGNING_SECRET = "8f742231b10e8888abcd99aaabbb85a5";
export const silentLogger = new Logger("error", () => {});

export interface SlackApi {
  apiUrl: string;
  token: string;
}

/** A bare Bolt app on loopback with only the listeners `register` adds: the baseline. Returns its Request URL. */
export async function startBareBolt(
  slack: SlackApi,
  register: (app: App) => void,
): Promise<{ url: string; stop(): Promise<void> }> {
  const app = new App({
    token: slack.token,
    signingSecret: SIGNING_SECRET,
    logger: silentLogger,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl },
  });
  register(app);
  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as { address(): { port: number } };
  return { url: `http://127.0.0.1:${server.address().port}/slack/events`, stop: async () => void (await app.stop()) };
}

/** localism-bot on loopback with a fresh SQLite file and its scheduled jobs stopped. */
export async function startBenchBot(
  slack: SlackApi,
  env: Record<string, string> = {},
): Promise<{ url: string; bot: RunningBot }> {
  const dbDir = mkdtempSync(path.join(tmpdir(), "localism-bench-"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: slack.token,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    DATABASE_URL: `file:${path.join(dbDir, "bench.db")}`,
    PORT: "0",
    HOST: "127.0.0.1",
    CONCERN_RECEIPT_PEPPER: "bench-pepper-0123456789abcdef0123456789",
    ...env,
  });
  const bot = await startBot(config, { logger: silentLogger, startJobs: false });
  return { url: `http://127.0.0.1:${bot.port}/slack/events`, bot };
}

const OWED = statement(`SELECT COUNT(*) AS "owed" FROM "ConcernOutbox" WHERE "sentAt" IS NULL`);

/** Cards and DMs the bot's outbox still owes: one prepared statement, so that waiting for them costs little. */
export async function owedRows(bot: RunningBot): Promise<number> {
  const [row] = await fastStatements(bot.core.database.db).rows<{ owed: number | string }>(OWED, []);
  return Number(row?.owed ?? 0);
}

/** The main thread's garbage collection pauses so far, in ms (the load generator's worker has a heap of its own). */
let gcPausesMs = 0;
new PerformanceObserver((entries) => {
  for (const entry of entries.getEntries()) gcPausesMs += entry.duration;
}).observe({ entryTypes: ["gc"] });

/** Fires `count` signed form requests (cycling through `bodies`), `inFlight` at a time, from a worker thread. */
export async function runLoad(url: string, bodies: string[], count: number, inFlight: number): Promise<Summary> {
  const gcBefore = gcPausesMs;
  const before = process.cpuUsage();
  const worker = new Worker(new URL("./load-generator.mjs", import.meta.url), {
    workerData: {
      url,
      secret: SIGNING_SECRET,
      bodies,
      count,
      concurrency: inFlight,
      contentType: "application/x-www-form-urlencoded",
    },
  });
  const [result] = (await once(worker, "message")) as [{ latencies: number[]; elapsedMs: number; failures: number }];
  await worker.terminate();
  const used = process.cpuUsage(before);
  if (result.failures > 0) throw new Error(`${result.failures} requests to ${url} failed`);
  // CPU time rather than wall time, so that a busy machine does not inflate it: the app under test
  // and the load generator's worker (the same work for both apps) share this process.
  // GC entries are delivered after the pauses they time: give the observer a turn.
  await new Promise((resolve) => setImmediate(resolve));
  return {
    ...summarise(result.latencies, result.elapsedMs),
    cpuMs: (used.user + used.system) / 1000 / count,
    gcMs: (gcPausesMs - gcBefore) / count,
    rssMb: process.memoryUsage.rss() / 1024 / 1024,
  };
}

setFlagsFromString("--expose-gc");
/**
 * A full garbage collection, so that each run starts from a clean heap: the apps share this
 * process's heap, and an app's garbage would otherwise be collected in the next app's run.
 */
const collectGarbage = runInNewContext("gc") as () => void;

/** One app under test in the rounds: its warm-up, its measured run, and anything owed after the run. */
export interface Contender {
  name: string;
  warmUp(): Promise<void>;
  run(): Promise<Summary>;
  /** Work the run left owed (the bot's outbox), done before the next app's turn so it does not run beside it. */
  after?(): Promise<void>;
}

/**
 * The apps measured in turn, `rounds` times, each round starting with the next app (bare, floor,
 * bot; then floor, bot, bare; ...), each run after its own warm-up: an app that ran first does
 * not carry the first run's warm-up alone, and a slow minute of the machine falls on different
 * apps in different rounds. Each run starts after a full garbage collection. Returns every app's
 * runs in round order.
 */
export async function interleavedRounds(contenders: Contender[], rounds: number): Promise<Map<string, Summary[]>> {
  const results = new Map<string, Summary[]>(contenders.map((contender) => [contender.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length] as Contender);
    console.log(`\nround ${round + 1} of ${rounds} (load average ${loadAverage()})`);
    for (const contender of order) {
      await contender.warmUp();
      collectGarbage();
      // The collection's own GC entry arrives after a turn or two: not counted in the run.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const summary = await contender.run();
      await contender.after?.();
      results.get(contender.name)?.push(summary);
      console.log(formatRow(contender.name, summary));
    }
  }
  return results;
}

export function loadAverage(): string {
  return loadavg()
    .map((load) => load.toFixed(2))
    .join(" ");
}

/** Each app's medians and ranges over the rounds, then each ratio to the baseline taken within a round. */
export function reportRounds(
  results: Map<string, Summary[]>,
  ratios: Array<{ of: string; to: string }>,
  figures: Array<"rate" | "cpu" | "p50" | "p99" | "gc"> = ["rate", "cpu", "gc", "p50", "p99"],
): void {
  const pick = {
    rate: (summary: Summary) => summary.throughput,
    cpu: (summary: Summary) => summary.cpuMs ?? Number.NaN,
    gc: (summary: Summary) => summary.gcMs ?? Number.NaN,
    p50: (summary: Summary) => summary.p50,
    p99: (summary: Summary) => summary.p99,
  };
  const labels = { rate: "req/s", cpu: "CPU ms/req", gc: "GC ms/req", p50: "p50 ms", p99: "p99 ms" };
  console.log("\nmedian (lowest to highest) over the rounds:");
  for (const [name, runs] of results) {
    const parts = figures.map(
      (figure) =>
        `${labels[figure]} ${medianAndRange(runs.map(pick[figure]), figure === "gc" ? 3 : figure === "rate" ? 0 : 2)}`,
    );
    console.log(`  ${name.padEnd(16)} ${parts.join("; ")}`);
  }
  for (const { of, to } of ratios) {
    const mine = results.get(of) ?? [];
    const theirs = results.get(to) ?? [];
    const ratio = (figure: keyof typeof pick) =>
      medianAndRange(
        mine.map((summary, i) => pick[figure](summary) / pick[figure](theirs[i] as Summary)),
        2,
        "x",
      );
    console.log(
      `  ${of}/${to}, round by round: rate ${ratio("rate")}; CPU ${ratio("cpu")}; p50 ${ratio("p50")}; p99 ${ratio("p99")}`,
    );
  }
}

/**
 * Bare Bolt and the bot at each level of concurrency, in interleaved rounds (see
 * `interleavedRounds`), each run after a warm-up at its own concurrency; prints each run, the
 * medians and ranges, and the ratios round by round.
 */
export async function compare(
  targets: { bare: string; bot: string },
  load: (url: string, inFlight: number, requests?: number) => Promise<Summary>,
  options: { rounds: number; warmUp: number; levels: Array<readonly [string, number]> },
): Promise<void> {
  for (const [label, inFlight] of options.levels) {
    console.log(`\n== ${label}`);
    const contender = (name: string, url: string): Contender => ({
      name,
      warmUp: async () => void (await load(url, inFlight, options.warmUp)),
      run: () => load(url, inFlight),
    });
    const results = await interleavedRounds(
      [contender("bare Bolt ack", targets.bare), contender("localism-bot", targets.bot)],
      options.rounds,
    );
    reportRounds(results, [{ of: "localism-bot", to: "bare Bolt ack" }]);
  }
}
