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
import { objectivesBodies } from "./slack-requests";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "400" }, concurrency: { type: "string", default: "50" } },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

async function main() {
  const standin = await startSlackStandin({
    seed: { users: [{ id: "U0BENCH", name: "bench" }], channels: [{ id: "C0BENCH", name: "bench" }] },
  });
  const bare = await startBareBolt(standin, (app) => app.command("/objectives", async ({ ack }) => ack()));
  const { url, bot } = await startBenchBot(standin);
  for (const target of [bare.url, url]) await runLoad(target, objectivesBodies(200), 200, 5); // warm up JIT, connections, caches

  console.log(
    `/objectives <question>: ${requests} signed requests per run, Bolt HTTP receiver on loopback, ${new Date().toISOString()}`,
  );
  await compare({ bare: bare.url, bot: url }, concurrency, (target, inFlight) =>
    runLoad(target, objectivesBodies(requests), requests, inFlight),
  );
  await bot.stop();
  await bare.stop();
  await standin.close();
}

await main();
