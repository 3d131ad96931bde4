/**
 * Concern submissions through the real Bolt HTTP receiver into SQLite: submissions per second and
 * p50/p99 from view_submission to ack, against a bare Bolt app that only acks a view_submission,
 * fed the same signed requests from a load generator in a worker thread, in one run.
 *
 *   npx tsx bench/concerns-submit.ts [--requests 1000] [--concurrency 20]
 */
import { spawn } from "node:child_process";
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
import { formatRow, summarise, type Summary } from "./stats";

const SECRET = "8f742231b10e8888abcd99aaabbb85a5";
const TEAM = "T0LOCAL";
const USER = "U0BENCH";
const TRIAGE = "C0TRIAGE";

const { values } = parseArgs({ options: { requests: { type: "string", default: "1000" }, concurrency: { type: "string", default: "20" } } });
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

const option = (value: string) => ({ selected_option: { text: { type: "plain_text", text: value }, value } });

/** A signed-ready view_submission of the concern form, as Slack sends it: one distinct modal per request. */
function submissionBody(viewId: string, i: number): string {
  const payload = {
    type: "view_submission",
    token: "verification-token",
    team: { id: TEAM, domain: "localism-local" },
    user: { id: USER, username: "bench", name: "bench", team_id: TEAM },
    api_app_id: "A0LOCAL",
    trigger_id: `bench.${viewId}`,
    view: {
      id: viewId,
      team_id: TEAM,
      type: "modal",
      callback_id: "concern_form",
      private_metadata: "{}",
      hash: `1.${viewId}`,
      state: {
        values: {
          concern_what_happened: { what_happened: { type: "plain_text_input", value: `The regional team decided our community services model for us (report ${i}).` } },
          concern_objective: { objective: { type: "static_select", ...option(String((i % 4) + 1)) } },
          concern_body: { body: { type: "static_select", ...option("regional_team") } },
          concern_impact: { impact: { type: "radio_buttons", ...option("medium") } },
          concern_identity: { identity_mode: { type: "radio_buttons", ...option("named") } },
        },
      },
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let batch = 0;
function bodies(count: number): string[] {
  batch += 1;
  return Array.from({ length: count }, (_, i) => submissionBody(`VB${batch}X${i}`, i));
}

async function run(url: string, payloads: string[], inFlight: number): Promise<Summary> {
  const worker = new Worker(new URL("./load-generator.mjs", import.meta.url), {
    workerData: { url, secret: SECRET, bodies: payloads, count: payloads.length, concurrency: inFlight, contentType: "application/x-www-form-urlencoded" },
  });
  const [result] = (await once(worker, "message")) as [{ latencies: number[]; elapsedMs: number; failures: number }];
  await worker.terminate();
  if (result.failures > 0) throw new Error(`${result.failures} requests to ${url} failed`);
  return summarise(result.latencies, result.elapsedMs);
}

/** The stand-in runs in its own process, as Slack would be elsewhere: the cards and DMs sent after each ack cost it, not the bot. */
async function startStandinProcess() {
  const seed = { users: [{ id: USER, name: "bench" }, { id: "U0LEAD", name: "lead" }], channels: [{ id: TRIAGE, name: "triage", members: ["U0LEAD"] }] };
  const child = spawn(process.execPath, ["--import", "tsx", new URL("./standin-process.ts", import.meta.url).pathname, JSON.stringify(seed)], { stdio: ["pipe", "pipe", "inherit"] });
  const [line] = (await once(child.stdout, "data")) as [Buffer];
  const { apiUrl, token } = JSON.parse(line.toString("utf8")) as { apiUrl: string; token: string };
  return { apiUrl, token, close: () => child.stdin.end() };
}

async function main() {
  const standin = await startStandinProcess();
  const silent = new Logger("error", () => {});
  const bare = new App({ token: standin.token, signingSecret: SECRET, logger: silent, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: standin.apiUrl } });
  bare.view("concern_form", async ({ ack }) => ack());
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
    CONCERN_LEADS: "U0LEAD",
    CONCERN_TRIAGE_CHANNEL: TRIAGE,
  });
  const bot = await startBot(config, { logger: silent, startJobs: false });
  const targets = {
    "bare Bolt ack": `http://127.0.0.1:${bareServer.address().port}/slack/events`,
    "localism-bot": `http://127.0.0.1:${bot.port}/slack/events`,
  };
  for (const url of Object.values(targets)) await run(url, bodies(200), 5); // warm up JIT, connections, SQLite

  console.log(`Concern view_submission -> ack: ${requests} distinct signed submissions per run, Bolt HTTP receiver on loopback, SQLite (WAL), ${new Date().toISOString()}`);
  console.log("localism-bot validates, stores the concern and its audit entry in one transaction, and acks with the confirmation view; the triage card and DM follow after the ack.");
  for (const [label, inFlight] of [["sequential", 1], [`${concurrency} concurrent`, concurrency]] as const) {
    const results: Record<string, Summary> = {};
    for (const [name, url] of Object.entries(targets)) results[name] = await run(url, bodies(requests), inFlight);
    const bareResult = results["bare Bolt ack"]!;
    const botResult = results["localism-bot"]!;
    console.log(`\n${label}`);
    for (const [name, summary] of Object.entries(results)) console.log(formatRow(name, summary));
    console.log(
      `  ratio localism/bare: p50 ${(botResult.p50 / bareResult.p50).toFixed(2)}x, p99 ${(botResult.p99 / bareResult.p99).toFixed(2)}x, submissions/s ${(botResult.throughput / bareResult.throughput).toFixed(2)}x`,
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stored = await bot.core.database.db.concern.count();
  const chain = await bot.core.services.concerns.audit.verify();
  console.log(`\nStored ${stored} concerns (expected ${200 + 2 * requests}); audit chain ${chain.chain.ok ? `intact, ${chain.chain.count} entries` : "BROKEN"}.`);
  await bot.stop();
  await bare.stop();
  standin.close();
}

await main();
