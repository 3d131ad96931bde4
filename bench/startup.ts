/**
 * Start-up cost of the built JavaScript against the TypeScript sources run through tsx (the
 * baseline), measured in the same run on the same database:
 *   - `localism ask` cold start: wall time of a whole process, median of several runs;
 *   - the bot's resident memory in HTTP mode, idle after start-up, summed over its process tree.
 *
 *   npx tsx bench/startup.ts [runs]
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort, median, npmStartArgs, root, startStandinProcess, treeRssMb, untilListening } from "./processes";

const runs = Number(process.argv[2] ?? 7);
const QUESTION = "will the CB let CCGs decide things for themselves?";
const IDLE_MS = 5_000;

const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(mkdtempSync(path.join(tmpdir(), "localism-startup-")), "bench.db")}`,
  CONCERN_RECEIPT_PEPPER: "bench-pepper-0123456789abcdef0123456789",
  LOG_LEVEL: "info",
};

const variants = {
  built: { cli: ["bin/localism.mjs"], bot: npmStartArgs() },
  "tsx (baseline)": { cli: ["bench/tsx-entry.mjs", "cli"], bot: ["bench/tsx-entry.mjs", "bot"] },
};

function timeOnce(args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, [...args, "ask", QUESTION], { cwd: root, env, stdio: "ignore" });
  return performance.now() - started;
}

async function idleRss(args: string[], slack: { apiUrl: string; token: string }): Promise<number> {
  const port = await freePort();
  const bot = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...env,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99aaabbb85a5",
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await untilListening(bot);
  await sleep(IDLE_MS);
  const rss = treeRssMb(bot.pid as number);
  bot.kill("SIGTERM");
  await new Promise((resolve) => bot.once("exit", resolve));
  return rss;
}

execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
for (const variant of Object.values(variants)) timeOnce(variant.cli); // migrations applied, files cached

console.log(`localism ask, cold start (median of ${runs} runs, ${new Date().toISOString()})`);
const medians: Record<string, number> = {};
for (const [name, variant] of Object.entries(variants)) {
  const times = Array.from({ length: runs }, () => timeOnce(variant.cli));
  medians[name] = median(times);
  console.log(
    `  ${name.padEnd(16)} median ${(median(times) / 1000).toFixed(2)} s  (min ${(Math.min(...times) / 1000).toFixed(2)}, max ${(Math.max(...times) / 1000).toFixed(2)})`,
  );
}
console.log(`  built / baseline: ${((medians.built as number) / (medians["tsx (baseline)"] as number)).toFixed(2)}x`);

const slack = await startStandinProcess();
try {
  console.log(`\nbot in HTTP mode, resident memory after ${IDLE_MS / 1000} s idle (whole process tree)`);
  for (const [name, variant] of Object.entries(variants)) {
    console.log(`  ${name.padEnd(16)} ${(await idleRss(variant.bot, slack)).toFixed(0)} MB`);
  }
} finally {
  slack.close();
}
