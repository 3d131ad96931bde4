/**
 * What running as an operable service costs, against the same bot without it, in one run:
 *   - idle resident memory of the bot (HTTP mode, whole process tree, median of several starts):
 *     metrics off (baseline); METRICS_PORT set and never scraped (prom-client not yet loaded);
 *     METRICS_PORT set and scraped once (prom-client loaded, its process metrics collecting);
 *   - `localism ask` cold start with pino loaded lazily (as shipped) against pino loaded up front.
 *
 *   npx tsx bench/ops-overhead.ts [runs]
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { median, npmStartArgs, root, startStandinProcess, treeRssMb } from "./processes";

const runs = Number(process.argv[2] ?? 3);
const IDLE_MS = 5_000;
const QUESTION = "will the CB let CCGs decide things for themselves?";

const env = {
  PATH: process.env.PATH ?? "",
  DATABASE_URL: `file:${path.join(mkdtempSync(path.join(tmpdir(), "localism-ops-")), "bench.db")}`,
  CONCERN_RECEIPT_PEPPER: "bench-pepper-0123456789abcdef0123456789",
  LOG_LEVEL: "info",
  LOG_FORMAT: "json",
};

const startArgs = npmStartArgs();

interface Variant {
  env: Record<string, string>;
  scrape: boolean;
}

async function idleRss(variant: Variant, slack: { apiUrl: string; token: string }): Promise<number> {
  const bot = spawn(process.execPath, startArgs, {
    cwd: root,
    env: {
      ...env,
      ...variant.env,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99aaabbb85a5",
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let seen = "";
  const metricsUrl = await new Promise<string | null>((resolve, reject) => {
    bot.stderr?.on("data", (data: Buffer) => {
      seen += data.toString();
      if (!seen.includes("listening on")) return;
      if (!variant.env.METRICS_PORT) resolve(null);
      const url = /Metrics on (http:\/\/[\d.]+:\d+\/metrics)/.exec(seen)?.[1];
      if (url) resolve(url);
    });
    bot.once("exit", (code) => reject(new Error(`the bot exited (${code}) before listening:\n${seen}`)));
  });
  if (variant.scrape && metricsUrl) {
    const response = await fetch(metricsUrl);
    if (!response.ok) throw new Error(`scrape answered ${response.status}`);
    await response.text();
  }
  await sleep(IDLE_MS);
  const rss = treeRssMb(bot.pid as number);
  bot.kill("SIGTERM");
  await new Promise((resolve) => bot.once("exit", resolve));
  return rss;
}

function timeCli(preload: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, [...preload, "bin/localism.mjs", "ask", QUESTION], {
    cwd: root,
    env,
    stdio: "ignore",
  });
  return performance.now() - started;
}

execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
timeCli([]); // migrations applied, files cached

const variants: Record<string, Variant> = {
  "metrics off (baseline)": { env: {}, scrape: false },
  "metrics on, not scraped": { env: { METRICS_PORT: "0" }, scrape: false },
  "metrics on, scraped once": { env: { METRICS_PORT: "0" }, scrape: true },
};

const slack = await startStandinProcess();
try {
  console.log(
    `bot in HTTP mode, resident memory ${IDLE_MS / 1000} s after start-up (median of ${runs}, ${new Date().toISOString()})`,
  );
  // Round-robin, so that a busy moment on the machine falls on every variant alike.
  const samples = new Map(Object.keys(variants).map((name) => [name, [] as number[]]));
  for (let run = 0; run < runs; run++)
    for (const [name, variant] of Object.entries(variants)) samples.get(name)?.push(await idleRss(variant, slack));
  let baseline = 0;
  for (const [name, values] of samples) {
    const rss = median(values);
    if (baseline === 0) baseline = rss;
    const delta = rss - baseline;
    console.log(
      `  ${name.padEnd(26)} ${rss.toFixed(1)} MB  (${delta >= 0 ? "+" : ""}${delta.toFixed(1)} MB; samples ${values.map((v) => v.toFixed(0)).join(", ")})`,
    );
  }
} finally {
  slack.process.kill();
}

const cliRuns = Math.max(5, runs);
const lazyTimes: number[] = [];
const eagerTimes: number[] = [];
for (let run = 0; run < cliRuns; run++) {
  lazyTimes.push(timeCli([]));
  eagerTimes.push(timeCli(["--require", "pino"]));
}
const lazy = median(lazyTimes);
const eager = median(eagerTimes);
console.log(`\nlocalism ask, cold start (median of ${cliRuns})`);
console.log(`  pino loaded lazily (as shipped)   ${(lazy / 1000).toFixed(2)} s`);
console.log(`  pino loaded up front (baseline)   ${(eager / 1000).toFixed(2)} s`);
