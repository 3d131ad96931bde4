/**
 * V8's young generation (`--max-semi-space-size`) against the bot's memory and its garbage
 * collection: for each size, the bot started as `npm start` starts it (built, a process of its
 * own) but with that size, its resident memory idle after start-up, then the CPU (its process's,
 * per submission, the outbox's delivery after each included) and resident memory through a
 * burst of concern submissions, and idle again after it.
 *
 *   npx tsx bench/young-generation.ts [--sizes 2,4,8,16] [--requests 2000] [--rounds 2]
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { loadAverage, runLoad, SIGNING_SECRET } from "./harness";
import { freePort, median, npmStartArgs, root, startStandinProcess, treeRssMb, untilListening } from "./processes";
import { concernSubmissionBodies } from "./slack-requests";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "2,4,8,16" },
    requests: { type: "string", default: "2000" },
    rounds: { type: "string", default: "2" },
  },
});
const sizes = values.sizes.split(",").map(Number);
const requests = Number(values.requests);
const IDLE_MS = 5_000;

/** The process's own CPU time so far (user and system), in ms. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const bodies = (count: number) => concernSubmissionBodies(count, SIGNING_SECRET, "U0BENCH");

async function measure(size: number, slack: { apiUrl: string; token: string }) {
  const port = await freePort();
  const args = npmStartArgs().map((arg) =>
    arg.startsWith("--max-semi-space-size=") ? `--max-semi-space-size=${size}` : arg,
  );
  const bot = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(mkdtempSync(path.join(tmpdir(), "localism-young-")), "bench.db")}`,
      CONCERN_RECEIPT_PEPPER: "bench-pepper-0123456789abcdef0123456789",
      CONCERN_LEADS: "U0LEAD",
      CONCERN_TRIAGE_CHANNEL: "C0TRIAGE",
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  await untilListening(bot);
  const pid = bot.pid as number;
  await sleep(IDLE_MS);
  const idle = treeRssMb(pid);
  const url = `http://127.0.0.1:${port}/slack/events`;
  await runLoad(url, bodies(200), 200, 20);
  await sleep(2_000);
  const before = cpuMs(pid);
  const run = await runLoad(url, bodies(requests), requests, 20);
  const loaded = treeRssMb(pid);
  // The outbox's cards and DMs: delivered once the process has been quiet for three seconds in a row.
  let last = cpuMs(pid);
  for (let quiet = 0; quiet < 3; ) {
    await sleep(1_000);
    const now = cpuMs(pid);
    quiet = now - last < 20 ? quiet + 1 : 0;
    last = now;
  }
  const cpu = (last - before) / requests;
  await sleep(IDLE_MS);
  const after = treeRssMb(pid);
  bot.kill("SIGTERM");
  await new Promise((resolve) => bot.once("exit", resolve));
  return { idle, loaded, after, cpu, rate: run.throughput };
}

execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
const slack = await startStandinProcess({
  users: [
    { id: "U0BENCH", name: "bench" },
    { id: "U0LEAD", name: "lead" },
  ],
  channels: [{ id: "C0TRIAGE", name: "triage", members: ["U0LEAD"] }],
});
console.log(
  `The bot as npm start runs it, by --max-semi-space-size, ${requests} submissions 20 at a time; ${new Date().toISOString()}, load average ${loadAverage()}`,
);
const results = new Map<number, Array<Awaited<ReturnType<typeof measure>>>>();
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const size of round % 2 ? [...sizes].reverse() : sizes) {
      const result = await measure(size, slack);
      results.set(size, [...(results.get(size) ?? []), result]);
      console.log(
        `  ${String(size).padStart(2)} MB: idle ${result.idle.toFixed(0)} MB, through the burst ${result.loaded.toFixed(0)} MB, idle after ${result.after.toFixed(0)} MB; ${result.rate.toFixed(0)}/s, CPU ${result.cpu.toFixed(2)} ms a submission with its delivery (load average ${loadAverage()})`,
      );
    }
  }
} finally {
  slack.close();
}
console.log("\nmedians:");
for (const [size, runs] of results) {
  const m = (pick: (run: (typeof runs)[number]) => number) => median(runs.map(pick));
  console.log(
    `  ${String(size).padStart(2)} MB: idle ${m((r) => r.idle).toFixed(0)} MB, burst ${m((r) => r.loaded).toFixed(0)} MB, idle after ${m((r) => r.after).toFixed(0)} MB, CPU ${m((r) => r.cpu).toFixed(2)} ms a submission`,
  );
}
