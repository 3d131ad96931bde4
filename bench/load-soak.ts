/**
 * Load and soak: a realistic mix of Slack requests (questions, concern submissions, button presses,
 * App Home opens, and a digest run each stage) through the real HTTP receiver, at rising rates until
 * the bot's p99 passes one second, with a bare Bolt app fed the same mix at the same rates in the same
 * run; then a soak at a steady rate, sampling the bot's resident memory every 10 seconds.
 *
 * The bot runs as `npm start` runs it (built, in its own process, on a fresh SQLite file); Slack's Web
 * API (the stand-in) and the baseline run in processes of their own; the load comes from a worker thread.
 *
 *   npx tsx bench/load-soak.ts [--start-rate 10] [--max-rate 640] [--stage-seconds 15]
 *                              [--soak-rate 10] [--soak-minutes 10] [--profile <dir>]
 */
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { SIGNING_SECRET } from "./harness";
import { npmStartArgs, root, startScript, startStandinProcess, treeRssMb } from "./processes";
import { BENCH_TEAM, concernSubmissionBody, slashCommandBody } from "./slack-requests";
import { percentile } from "./stats";

const TEAM = BENCH_TEAM;
const CHANNEL = "C0BENCH";
const TRIAGE = "C0TRIAGE";
const STAFF = Array.from({ length: 200 }, (_, i) => `U0STAFF${String(i).padStart(3, "0")}`);
const LEAD = "U0LEAD";
const QUESTIONS = [
  "will the CB let CCGs decide stuff themselves?",
  "what does assumed liberty mean",
  "who holds the money for commissioning support",
  "when does the board take its full powers",
  "what did the SoS say senates and networks are for",
  "hi all, quick one - what's objective 3 about?",
  "whats the door code for the leeds office",
];

const { values } = parseArgs({
  options: {
    "start-rate": { type: "string", default: "10" },
    "max-rate": { type: "string", default: "640" },
    "stage-seconds": { type: "string", default: "15" },
    "soak-rate": { type: "string", default: "10" },
    "soak-minutes": { type: "string", default: "10" },
    /** Write a CPU profile of the bot into this folder. */
    profile: { type: "string" },
  },
});

type Kind = "question" | "concern" | "button" | "home" | "digest";
interface SlackRequest {
  kind: Kind;
  contentType: string;
  body: string;
}
interface Result {
  kind: Kind;
  status: number;
  ms: number;
}

/** Where the bot answers slash commands and button presses later: a sink on loopback that accepts every answer. */
let responseUrl = "";
async function startResponseSink(): Promise<() => void> {
  const sink = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'));
  }).listen(0, "127.0.0.1");
  await once(sink, "listening");
  responseUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}/response/bench`;
  return () => sink.close();
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = "application/x-www-form-urlencoded";

let uniqueness = 0;
const slashCommand = (command: string, text: string, user: string, i: number) =>
  slashCommandBody(command, text, { user, channel: CHANNEL, responseUrl, trigger: i });

function helpfulPress(user: string, i: number): string {
  const payload = {
    type: "block_actions",
    team: { id: TEAM, domain: "ccg" },
    user: { id: user, username: user, name: user, team_id: TEAM },
    api_app_id: "A0LOCAL",
    token: "verification-token",
    trigger_id: `bench.press.${i}`,
    container: { type: "message", message_ts: "1700000000.000100", channel_id: CHANNEL, is_ephemeral: true },
    channel: { id: CHANNEL, name: "bench" },
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        action_id: "answer_helpful",
        block_id: "answer_feedback",
        value: `bench-question-${i % 50}`,
        action_ts: "1700000000.000200",
      },
    ],
  };
  return form({ payload: JSON.stringify(payload) });
}

function homeOpened(user: string, i: number): string {
  return JSON.stringify({
    token: "verification-token",
    team_id: TEAM,
    api_app_id: "A0LOCAL",
    type: "event_callback",
    event_id: `Ev0LOAD${process.pid}X${++uniqueness}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: "app_home_opened", user, channel: `D0${user}`, tab: "home", event_ts: `${1700000000 + i}.000100` },
    authorizations: [{ team_id: TEAM, user_id: "U0LOCALBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** One second's worth of the mix, in proportions a busy CCG workspace might see; a digest run once a stage. */
function mix(count: number, withDigest: boolean): SlackRequest[] {
  const requests: SlackRequest[] = [];
  for (let i = 0; i < count; i++) {
    const user = STAFF[i % STAFF.length] as string;
    const slot = i % 20;
    if (slot < 8) {
      const question = QUESTIONS[i % QUESTIONS.length] as string;
      requests.push({ kind: "question", contentType: FORM, body: slashCommand("/objectives", question, user, i) });
    } else if (slot < 12)
      requests.push({
        kind: "concern",
        contentType: FORM,
        body: concernSubmissionBody({
          signingSecret: SIGNING_SECRET,
          viewId: `VLOAD${process.pid}X${++uniqueness}`,
          user,
          objective: (i % 4) + 1,
          identity: i % 3 ? "named" : "anonymous",
          whatHappened: `The area team told us which provider to use for community services (report ${i}).`,
        }),
      });
    else if (slot < 15) requests.push({ kind: "button", contentType: FORM, body: helpfulPress(user, i) });
    else requests.push({ kind: "home", contentType: "application/json", body: homeOpened(user, i) });
  }
  if (withDigest) {
    const digest = { kind: "digest" as const, contentType: FORM, body: slashCommand("/digest", "now", LEAD, 0) };
    requests.splice(Math.floor(requests.length / 2), 0, digest);
  }
  return requests;
}

async function fire(url: string, requests: SlackRequest[], rate: number): Promise<Result[]> {
  const worker = new Worker(new URL("./open-loop-generator.mjs", import.meta.url), {
    workerData: { url, secret: SIGNING_SECRET, requests, rate, timeoutMs: 10_000 },
  });
  const [message] = (await once(worker, "message")) as [{ results: Result[] }];
  await worker.terminate();
  return message.results;
}

function summary(results: Result[], kind?: Kind) {
  const chosen = kind ? results.filter((r) => r.kind === kind) : results;
  const ms = chosen.map((r) => r.ms).sort((a, b) => a - b);
  return {
    count: chosen.length,
    failed: chosen.filter((r) => r.status !== 200).length,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
  };
}

const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0).padStart(6) : "     -");

async function startBot(slack: { apiUrl: string; token: string }, databaseFile: string) {
  const startArgs = npmStartArgs();
  const args = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`, ...startArgs] : startArgs;
  const port = 40_000 + (process.pid % 20_000);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: slack.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: `file:${databaseFile}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
      CONCERN_LEADS: LEAD,
      CONCERN_TRIAGE_CHANNEL: TRIAGE,
      CONCERN_RECEIPT_PEPPER: "bench-pepper-0123456789abcdef0123456789",
      CONCERN_ANONYMOUS_DAILY_LIMIT: "100",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const ready = `http://127.0.0.1:${port}/readyz`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    const status = await fetch(ready).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, url: `http://127.0.0.1:${port}/slack/events` };
}

async function main() {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  const closeSink = await startResponseSink();
  const seed = {
    users: [...STAFF, LEAD].map((id) => ({ id, name: id.toLowerCase(), is_admin: id === LEAD })),
    channels: [
      { id: CHANNEL, name: "bench", members: [...STAFF, LEAD] },
      { id: TRIAGE, name: "triage", members: [LEAD] },
    ],
  };
  const slack = await startStandinProcess(seed);
  const [bareProcess, bareLine] = await startScript("bench/bare-bolt-process.ts", [
    JSON.stringify({ apiUrl: slack.apiUrl, token: slack.token, signingSecret: SIGNING_SECRET }),
  ]);
  const bareUrl = `http://127.0.0.1:${(JSON.parse(bareLine) as { port: number }).port}/slack/events`;
  const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), "localism-soak-")), "soak.db");
  const bot = await startBot(slack, databaseFile);

  console.log(`Load and soak, ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpus().length} x ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average at start ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log(
    "Mix per 20 requests: 8 /objectives questions, 4 concern submissions, 3 button presses, 5 App Home opens;",
  );
  console.log("one /digest now per stage. Open loop: requests start on schedule whatever the server's state.\n");

  await fire(
    bot.url,
    [{ kind: "digest", contentType: FORM, body: slashCommand("/digest", "subscribe daily 09:00", LEAD, 0) }],
    1,
  );
  const warmUp = await fire(bot.url, mix(100, false), 50);
  await fire(bareUrl, mix(100, false), 50);

  let acceptedConcerns = 0;
  let unansweredConcerns = 0;
  /** Slack shows the person an error when no answer comes, and the concern may or may not be stored. */
  const count = (results: Result[]) => {
    acceptedConcerns += results.filter((r) => r.kind === "concern" && r.status === 200).length;
    unansweredConcerns += results.filter((r) => r.kind === "concern" && r.status === -1).length;
  };
  count(warmUp);
  const stageSeconds = Number(values["stage-seconds"]);
  console.log(
    "rate/s  |  bare p50   p99 |  bot p50    p99  fail | /objectives p99 | concern p99 | home p99 | digest ms",
  );
  for (let rate = Number(values["start-rate"]); rate <= Number(values["max-rate"]); rate *= 2) {
    const requests = mix(rate * stageSeconds, true);
    const bare = summary(await fire(bareUrl, requests, rate));
    const results = await fire(bot.url, mix(rate * stageSeconds, true), rate);
    count(results);
    const all = summary(results);
    console.log(
      `${String(rate).padStart(6)}  | ${fmt(bare.p50)} ${fmt(bare.p99)} | ${fmt(all.p50)} ${fmt(all.p99)} ${String(all.failed).padStart(5)} |          ${fmt(summary(results, "question").p99)} |      ${fmt(summary(results, "concern").p99)} |   ${fmt(summary(results, "home").p99)} |    ${fmt(summary(results, "digest").p50)}`,
    );
    if (all.p99 > 1000) break;
  }

  const soakRate = Number(values["soak-rate"]);
  const soakSeconds = Number(values["soak-minutes"]) * 60;
  console.log(`\nSoak: ${soakRate} requests a second for ${soakSeconds / 60} minutes, bot RSS every 10 s (MB):`);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(treeRssMb(bot.child.pid as number)), 10_000);
  const soak = await fire(bot.url, mix(soakRate * soakSeconds, false), soakRate);
  clearInterval(sampler);
  count(soak);
  console.log(`  ${samples.map((mb) => mb.toFixed(0)).join(" ")}`);
  const perMinute = 6;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const second = mean(samples.slice(perMinute, 2 * perMinute));
  const last = mean(samples.slice(-perMinute));
  const all = summary(soak);
  const memory =
    samples.length >= 3 * perMinute
      ? `second minute ${second.toFixed(0)} MB, last minute ${last.toFixed(0)} MB (${(((last - second) / second) * 100).toFixed(1)}%)`
      : `last ${last.toFixed(0)} MB (too short a soak to compare minutes)`;
  console.log(
    `  ${memory}; p50 ${all.p50.toFixed(0)} ms, p99 ${all.p99.toFixed(0)} ms; ${all.failed} of ${all.count} failed`,
  );

  bot.child.kill("SIGTERM");
  await once(bot.child, "exit");
  const database = new Database(databaseFile, { readonly: true });
  const stored = (database.prepare("SELECT count(*) AS n FROM Concern").get() as { n: number }).n;
  const supporters = (database.prepare("SELECT count(*) AS n FROM ConcernSupporter").get() as { n: number }).n;
  database.close();
  const kept = stored + supporters;
  const consistent = kept >= acceptedConcerns && kept <= acceptedConcerns + unansweredConcerns;
  console.log(
    `\nConcern submissions acknowledged: ${acceptedConcerns}, not answered in time: ${unansweredConcerns}; stored: ${stored} concerns and ${supporters} supporters (${consistent ? "every acknowledged one stored once; none duplicated" : "MISMATCH"}).`,
  );
  slack.close();
  bareProcess.stdin?.end();
  closeSink();
}

await main();
