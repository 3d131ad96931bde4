/**
 * `@localism-bot <question>` in a channel: how long Slack waits for the ack of the signed app_mention
 * event, and how long until the threaded answer reaches Slack (chat.postMessage with the mention's
 * ts as thread_ts): localism-bot against a bare Bolt app that posts a fixed reply in the thread, in
 * the same run. Both run here with Bolt's HTTP receiver on loopback; Slack (the stand-in, which
 * posts each person's message and delivers its event as Slack would, and times both) runs in a
 * process of its own, as Slack would be elsewhere.
 *
 *   npx tsx bench/mention-latency.ts [--requests 200] [--concurrency 20]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { startBareBolt, startBenchBot } from "./harness";
import { formatRow, type Summary, summarise } from "./stats";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "200" }, concurrency: { type: "string", default: "20" } },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

interface RunResult {
  id: number;
  acks: number[];
  answers: number[];
  elapsedMs: number;
  error?: string;
}

/** Slack in its own process: runs mentions against an app when asked, and reports the timings. */
async function startSlackProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", new URL("./mention-slack.ts", import.meta.url).pathname], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [first] = (await once(lines, "line")) as [string];
  const { apiUrl, token } = JSON.parse(first) as { apiUrl: string; token: string };
  const waiting = new Map<number, (result: RunResult) => void>();
  lines.on("line", (line) => {
    const result = JSON.parse(line) as RunResult;
    waiting.get(result.id)?.(result);
  });
  let ids = 0;
  const run = async (url: string, count: number, inFlight: number): Promise<{ ack: Summary; answer: Summary }> => {
    const id = ++ids;
    const done = new Promise<RunResult>((resolve) => waiting.set(id, resolve));
    child.stdin.write(`${JSON.stringify({ id, url, count, inFlight })}\n`);
    const result = await done;
    if (result.error) throw new Error(result.error);
    return { ack: summarise(result.acks, result.elapsedMs), answer: summarise(result.answers, result.elapsedMs) };
  };
  return { apiUrl, token, run, close: () => child.stdin.end() };
}

async function main() {
  const slack = await startSlackProcess();
  const bare = await startBareBolt(slack, (app) =>
    app.event("app_mention", async ({ event, client }) => {
      await client.chat.postMessage({ channel: event.channel, thread_ts: event.thread_ts ?? event.ts, text: "ok" });
    }),
  );
  const { url, bot } = await startBenchBot(slack);
  for (const target of [bare.url, url]) await slack.run(target, 100, 5); // warm up JIT, connections, SQLite

  console.log(
    `@localism-bot <question>: ${requests} signed app_mention events per run, Bolt HTTP receiver on loopback, SQLite (WAL), ${new Date().toISOString()}`,
  );
  for (const [label, inFlight] of [
    ["sequential", 1],
    [`${concurrency} concurrent`, concurrency],
  ] as const) {
    const plain = await slack.run(bare.url, requests, inFlight);
    const ours = await slack.run(url, requests, inFlight);
    console.log(`\n${label}`);
    console.log(formatRow("bare Bolt ack", plain.ack));
    console.log(formatRow("localism ack", ours.ack));
    console.log(formatRow("bare Bolt reply", plain.answer));
    console.log(formatRow("localism answer", ours.answer));
    console.log(
      `  ratio localism/bare: ack p50 ${(ours.ack.p50 / plain.ack.p50).toFixed(2)}x, answer p50 ${(ours.answer.p50 / plain.answer.p50).toFixed(2)}x, answer p99 ${(ours.answer.p99 / plain.answer.p99).toFixed(2)}x`,
    );
  }
  await bot.stop();
  await bare.stop();
  slack.close();
}

await main();
