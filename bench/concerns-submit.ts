import { parseArgs } from "node:util";
import { compare, runLoad, SIGNING_SECRET, startBareBolt, startBenchBot } from "./harness";
import { startStandinProcess } from "./processes";
import { concernSubmissionBody } from "./slack-requests";

const USER = "U0BENCH";
const TRIAGE = "C0TRIAGE";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "1000" }, concurrency: { type: "string", default: "20" } },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

let batch = 0;
function bodies(count: number): string[] {
  batch += 1;
  return Array.from({ length: count }, (_, i) =>
    concernSubmissionBody({
      signingSecret: SIGNING_SECRET,
      viewId: `VB${batch}X${i}`,
      user: USER,
      objective: (i % 4) + 1,
      identity: "named",
      whatHappened: `The regional team decided our community services model for us (report ${i}).`,
    }),
  );
}

async function main() {
  // The cards and DMs sent after each ack cost the stand-in's process, not the bot's.
  const standin = await startStandinProcess({
    users: [
      { id: USER, name: "bench" },
      { id: "U0LEAD", name: "lead" },
    ],
    channels: [{ id: TRIAGE, name: "triage", members: ["U0LEAD"] }],
  });
  const bare = await startBareBolt(standin, (app) => app.view("concern_form", async ({ ack }) => ack()));
  const { url, bot } = await startBenchBot(standin, { CONCERN_LEADS: "U0LEAD", CONCERN_TRIAGE_CHANNEL: TRIAGE });
  for (const target of [bare.url, url]) await runLoad(target, bodies(200), 200, 5); // warm up JIT, connections, SQLite

  console.log(
    `Concern view_submission -> ack: ${requests} distinct signed submissions per run, Bolt HTTP receiver on loopback, SQLite (WAL), ${new Date().toISOString()}`,
  );
  console.log(
    "localism-bot validates, stores the concern and its audit entry in one transaction, and acks with the confirmation view; the triage card and DM follow after the ack.",
  );
  await compare(
    { bare: bare.url, bot: url },
    concurrency,
    (target, inFlight) => runLoad(target, bodies(requests), requests, inFlight),
    "submissions/s",
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stored = await bot.core.database.db.concern.count();
  const chain = await bot.core.features.concerns.audit.verify();
  console.log(
    `\nStored ${stored} concerns (expected ${200 + 2 * requests}); audit chain ${chain.chain.ok ? `intact, ${chain.chain.count} entries` : "BROKEN"}.`,
  );
  await bot.stop();
  await bare.stop();
  standin.close();
}

await main();
