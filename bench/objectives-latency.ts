/**
 * Latency of `/objectives <question>`: localism-bot against a bare Bolt app that only acknowledges,
 * both with Bolt's HTTP receiver on loopback, fed the same signed slash-command requests from a
 * load generator in a worker thread.
 * Prints p50/p99 latency, throughput and CPU per request, sequentially and 50 at a time, in
 * interleaved rounds (each app after its own warm-up), and the ratios round by round.
 *
 *   npx tsx bench/objectives-latency.ts [--requests 400] [--concurrency 50] [--rounds 3] [--concurrent-only]
 */
import { parseArgs } from "node:util";
import { startSlackStandin } from "@localism/slack-standin";
import { compare, loadAverage, runLoad, startBareBolt, startBenchBot } from "./harness";
import { objectivesBodies } from "./slack-requests";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "400" },
    concurrency: { type: "string", default: "50" },
    rounds: { type: "string", default: "3" },
    // Only `concurrency` at a time (the goal's figure), not one at a time first.
    "concurrent-only": { type: "boolean", default: false },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

async function main() {
  const standin = await startSlackStandin({
    seed: { users: [{ id: "U0BENCH", name: "bench" }], channels: [{ id: "C0BENCH", name: "bench" }] },
  });
  const bare = await startBareBolt(standin, (app) => app.command("/objectives", async ({ ack }) => ack()));
  const { url, bot } = await startBenchBot(standin);

  console.log(
    `/objectives <question>: ${requests} signed requests per run, Bolt HTTP receiver on loopback, ${new Date().toISOString()}, load average ${loadAverage()}`,
  );
  const levels: Array<readonly [string, number]> = values["concurrent-only"]
    ? [[`${concurrency} concurrent`, concurrency]]
    : [
        ["sequential", 1],
        [`${concurrency} concurrent`, concurrency],
      ];
  await compare(
    { bare: bare.url, bot: url },
    (target, inFlight, count = requests) => runLoad(target, objectivesBodies(count), count, inFlight),
    { rounds: Number(values.rounds), warmUp: 200, levels },
  );
  await bot.stop();
  await bare.stop();
  await standin.close();
}

await main();
