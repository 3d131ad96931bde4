/** What the latency benchmarks share: the two apps under test, the load generator and the report. */
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { App, LogLevel } from "@slack/bolt";
import { type RunningBot, startBot } from "../src/app";
import { loadConfig } from "../src/config";
import { Logger } from "../src/logger";
import { fastStatements } from "../src/storage/database";
import { statement } from "../src/storage/fast-statements";
import { formatRow, type Summary, summarise } from "./stats";

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

/** Fires `count` signed form requests (cycling through `bodies`), `inFlight` at a time, from a worker thread. */
export async function runLoad(url: string, bodies: string[], count: number, inFlight: number): Promise<Summary> {
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
  return { ...summarise(result.latencies, result.elapsedMs), cpuMs: (used.user + used.system) / 1000 / count };
}

/** Runs sequentially and `concurrency` at a time against both apps and prints each and the ratio. */
export async function compare(
  targets: { bare: string; bot: string },
  concurrency: number,
  load: (url: string, inFlight: number) => Promise<Summary>,
  throughputLabel = "throughput",
): Promise<void> {
  for (const [label, inFlight] of [
    ["sequential", 1],
    [`${concurrency} concurrent`, concurrency],
  ] as const) {
    const bare = await load(targets.bare, inFlight);
    const bot = await load(targets.bot, inFlight);
    console.log(`\n${label}`);
    console.log(formatRow("bare Bolt ack", bare));
    console.log(formatRow("localism-bot", bot));
    console.log(
      `  ratio localism/bare: p50 ${(bot.p50 / bare.p50).toFixed(2)}x, p99 ${(bot.p99 / bare.p99).toFixed(2)}x, ${throughputLabel} ${(bot.throughput / bare.throughput).toFixed(2)}x, CPU per request ${((bot.cpuMs ?? 0) / (bare.cpuMs ?? 1)).toFixed(2)}x`,
    );
  }
}
