/**
 * What running as an operable service costs, against the same bot without it, in one run:
 *   - idle resident memory of the bot (HTTP mode, whole process tree, median of several starts):
 *     metrics off (baseline); METRICS_PORT set and never scraped (prom-client not yet loaded);
 *     METRICS_PORT set and scraped once (prom-client loaded, its process metrics collecting);
 *   - `localism ask` cold start with pino loaded lazily (as shipped) against pino loaded up front.
 *
 *   npx tsx bench/ops-overhead.ts [runs]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const root = path.resolve(import.meta.dirname, "..");
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

const startArgs = (
  JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }
).scripts.start
  .split(/\s+/)
  .slice(1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function treeRssMb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const rssOf = (id: number): number => {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, "utf8"));
    return Number(match?.[1] ?? 0) / 1024 + (children.get(id) ?? []).reduce((sum, child) => sum + rssOf(child), 0);
  };
  return rssOf(pid);
}

async function startStandin(): Promise<{ apiUrl: string; token: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/standin-process.ts", "{}"], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve) =>
    child.stdout?.once("data", (data: Buffer) => resolve(data.toString())),
  );
  return { ...(JSON.parse(line) as { apiUrl: string; token: string }), process: child };
}

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

const slack = await startStandin();
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
