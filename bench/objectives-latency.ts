/**
 * Latency of `/objectives <question>`: localism-bot against a bare Bolt app that only acknowledges,
 * both with Bolt's HTTP receiver on loopback, fed the same signed slash-command requests from a
 * load generator in a worker thread.
 * Prints p50/p99 latency and throughput, sequentially and 50 at a time, and the ratios.
 *
 *   npx tsx bench/objectives-latency.ts [--requests 400] [--concurrency 50]
 */
import { parseArgs } from "node:util";
import { startSlackStandin } from "@localism/slack-standin";
import { compare, runLoad, startBareBolt, startBenchBot } from "./harness";
import { slashCommandBody } from "./slack-requests";

const QUESTIONS = [
  "can the board overrule our CCG?",
  "what does assumed liberty mean",
  "who holds the money for commissioning support",
  "when does the board take its full powers",
  "what did the NHS Alliance say about clinical senates",
];

const { values } = parseArgs({
  options: { requests: { type: "string", default: "400" }, concurrency: { type: "string", default: "50" } },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

// Every request distinct (its own trigger_id), as Slack's are: the bot answers a body it has already
// seen with the same timestamp as a replay (an empty 200), so cycling a few bodies would measure that.
let batch = 0;
function bodies(count: number): string[] {
  batch += 1;
  return Array.from({ length: count }, (_, i) =>
    slashCommandBody("/objectives", QUESTIONS[i % QUESTIONS.length] ?? "", { trigger: `${batch}.${i}` }),
  );
}

async function main() {
  const standin = await startSlackStandin({
    seed: { users: [{ id: "U0BENCH", name: "bench" }], channels: [{ id: "C0BENCH", name: "bench" }] },
  });
  const bare = await startBareBolt(standin, (app) => app.command("/objectives", async ({ ack }) => ack()));
  const { url, bot } = await startBenchBot(standin);
  for (const target of [bare.url, url]) await runLoad(target, bodies(200), 200, 5); // warm up JIT, connections, caches

  console.log(
    `/objectives <question>: ${requests} signed requests per run, Bolt HTTP receiver on loopback, ${new Date().toISOString()}`,
  );
  await compare({ bare: bare.url, bot: url }, concurrency, (target, inFlight) =>
    runLoad(target, bodies(requests), requests, inFlight),
  );
  await bot.stop();
  await bare.stop();
  await standin.close();
}

await main();
