/**
 * The bot alone under the concern submissions' load, for a CPU profile of its main thread:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-submit.ts --requests 6000
 */
import { parseArgs } from "node:util";
import { owedRows, runLoad, SIGNING_SECRET, startBenchBot } from "./harness";
import { startStandinProcess } from "./processes";
import { concernSubmissionBody } from "./slack-requests";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "6000" },
    concurrency: { type: "string", default: "20" },
    // Then deliver every card and DM still owed, and say when that began (ms since the process started).
    drain: { type: "boolean", default: false },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

const bodies = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) =>
    concernSubmissionBody({
      signingSecret: SIGNING_SECRET,
      viewId: `V${prefix}X${i}`,
      user: "U0BENCH",
      objective: (i % 4) + 1,
      identity: "named",
      whatHappened: `The regional team decided our community services model for us (report ${i}).`,
    }),
  );

const standin = await startStandinProcess({
  users: [
    { id: "U0BENCH", name: "bench" },
    { id: "U0LEAD", name: "lead" },
  ],
  channels: [{ id: "C0TRIAGE", name: "triage", members: ["U0LEAD"] }],
});
const { url, bot } = await startBenchBot(standin, { CONCERN_LEADS: "U0LEAD", CONCERN_TRIAGE_CHANNEL: "C0TRIAGE" });
await runLoad(url, bodies("W", 200), 200, 5);
const result = await runLoad(url, bodies("M", requests), requests, concurrency);
console.log(
  `${requests} submissions ${concurrency} at a time: ${result.throughput.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, CPU ${result.cpuMs?.toFixed(2)} ms each`,
);
if (values.drain) {
  const unsent = () => owedRows(bot);
  const began = performance.now();
  const cpu = process.cpuUsage();
  const owed = await unsent();
  while ((await unsent()) > 0) {
    bot.core.features.concerns.outbox?.nudge();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const used = process.cpuUsage(cpu);
  console.log(
    `drained ${owed} owed from ${began.toFixed(0)} ms for ${((performance.now() - began) / 1000).toFixed(1)} s: ${((used.user + used.system) / 1000 / requests).toFixed(2)} ms CPU a submission`,
  );
}
await bot.stop();
standin.close();
