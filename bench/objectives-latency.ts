/**
 * Latency of `/objectives <question>`: localism-bot against a bare Bolt app that only acknowledges,
 * both with Bolt's HTTP receiver on loopback, fed the same signed slash-command requests from a
 * load generator in a worker thread.
 * Prints p50/p99 latency and throughput, sequentially and 50 at a time, and the ratios.
 *
 *   npx tsx bench/objectives-latency.ts [--requests 400] [--concurrency 50]
 */
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { App, LogLevel } from "@slack/bolt";
import { startBot } from "../src/app";
import { loadConfig } from "../src/config";
import { Logger } from "../src/logger";
import { startSlackStandin } from "../src/slack-standin";
import { summarise, formatRow, type Summary } from "./stats";

const SECRET = "8f742231b10e8888abcd99aaabbb85a5";
const QUESTIONS = [
  "can the board overrule our CCG?",
  "what does assumed liberty mean",
  "who holds the money for commissioning support",
  "when does the board take its full powers",
  "what did the NHS Alliance say about clinical senates",
];

const { values } = parseArgs({ options: { requests: { type: "string", default: "400" }, concurrency: { type: "string", default: "50" } } });
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

function slashBody(question: string, i: number): string {
  return new URLSearchParams({
    token: "verification-token",
    team_id: "T0LOCAL",
    team_domain: "ccg",
    channel_id: "C0BENCH",
    channel_name: "bench",
    user_id: "U0BENCH",
    user_name: "bench",
    command: "/objectives",
    text: question,
    api_app_id: "A0LOCAL",
    is_enterprise_install: "false",
    response_url: "http://127.0.0.1:9/response/bench",
    trigger_id: `bench.${i}`,
  }).toString();
}

const BODIES = Array.from({ length: 50 }, (_, i) => slashBody(QUESTIONS[i % QUESTIONS.length] ?? "", i));

/** Fires `count` signed requests, `inFlight` at a time, from a worker thread. */
async function run(url: string, count: number, inFlight: number): Promise<Summary> {
  const worker = new Worker(new URL("./load-generator.mjs", import.meta.url), {
    workerData: { url, secret: SECRET, bodies: BODIES, count, concurrency: inFlight, contentType: "application/x-www-form-urlencoded" },
  });
  const [result] = (await once(worker, "message")) as [{ latencies: number[]; elapsedMs: number; failures: number }];
  await worker.terminate();
  if (result.failures > 0) throw new Error(`${result.failures} requests to ${url} failed`);
  return summarise(result.latencies, result.elapsedMs);
}

async function main() {
  const standin = await startSlackStandin({ seed: { users: [{ id: "U0BENCH", name: "bench" }], channels: [{ id: "C0BENCH", name: "bench" }] } });
  const silent = new Logger("error", () => {});

  const bare = new App({ token: standin.token, signingSecret: SECRET, logger: silent, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: standin.apiUrl } });
  const fixedReply = process.env.BARE_REPLY ? JSON.parse(process.env.BARE_REPLY) : undefined;
  bare.command("/objectives", async ({ ack }) => ack(fixedReply));
  const bareServer = (await bare.start({ port: 0, host: "127.0.0.1" })) as { address(): { port: number } };

  const dbDir = mkdtempSync(path.join(tmpdir(), "localism-bench-"));
  const config = loadConfig({
    SLACK_BOT_TOKEN: standin.token,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: standin.apiUrl,
    DATABASE_URL: `file:${path.join(dbDir, "bench.db")}`,
    PORT: "0",
    HOST: "127.0.0.1",
    CONCERN_RECEIPT_PEPPER: "bench-pepper-0123456789abcdef0123456789",
  });
  const bot = await startBot(config, { logger: silent, startJobs: false });

  const targets = {
    "bare Bolt ack": `http://127.0.0.1:${bareServer.address().port}/slack/events`,
    "localism-bot": `http://127.0.0.1:${bot.port}/slack/events`,
  };
  for (const url of Object.values(targets)) await run(url, 200, 5); // warm up JIT, connections, caches

  console.log(`/objectives <question>: ${requests} signed requests per run, Bolt HTTP receiver on loopback, ${new Date().toISOString()}`);
  for (const [label, inFlight] of [["sequential", 1], [`${concurrency} concurrent`, concurrency]] as const) {
    const results: Record<string, Summary> = {};
    for (const [name, url] of Object.entries(targets)) results[name] = await run(url, requests, inFlight);
    const bareResult = results["bare Bolt ack"]!;
    const botResult = results["localism-bot"]!;
    console.log(`\n${label}`);
    for (const [name, summary] of Object.entries(results)) console.log(formatRow(name, summary));
    console.log(
      `  ratio localism/bare: p50 ${(botResult.p50 / bareResult.p50).toFixed(2)}x, p99 ${(botResult.p99 / bareResult.p99).toFixed(2)}x, throughput ${(botResult.throughput / bareResult.throughput).toFixed(2)}x`,
    );
  }
  await bot.stop();
  await bare.stop();
  await standin.close();
}

await main();
