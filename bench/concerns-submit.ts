/**
 * Concern submissions through the real Bolt HTTP receiver into SQLite: submissions per second and
 * p50/p99 from view_submission to ack, against a bare Bolt app that only acks a view_submission,
 * fed the same signed requests from a load generator in a worker thread, in one run.
 *
 *   npx tsx bench/concerns-submit.ts [--requests 1000] [--concurrency 20]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { compare, runLoad, startBareBolt, startBenchBot } from "./harness";

const TEAM = "T0LOCAL";
const USER = "U0BENCH";
const TRIAGE = "C0TRIAGE";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "1000" }, concurrency: { type: "string", default: "20" } },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);

const option = (value: string) => ({ selected_option: { text: { type: "plain_text", text: value }, value } });

/** A signed-ready view_submission of the concern form, as Slack sends it: one distinct modal per request. */
function submissionBody(viewId: string, i: number): string {
  const payload = {
    type: "view_submission",
    token: "verification-token",
    team: { id: TEAM, domain: "localism-local" },
    user: { id: USER, username: "bench", name: "bench", team_id: TEAM },
    api_app_id: "A0LOCAL",
    trigger_id: `bench.${viewId}`,
    view: {
      id: viewId,
      team_id: TEAM,
      type: "modal",
      callback_id: "concern_form",
      private_metadata: "{}",
      hash: `1.${viewId}`,
      state: {
        values: {
          concern_what_happened: {
            what_happened: {
              type: "plain_text_input",
              value: `The regional team decided our community services model for us (report ${i}).`,
            },
          },
          concern_objective: { objective: { type: "static_select", ...option(String((i % 4) + 1)) } },
          concern_body: { body: { type: "static_select", ...option("regional_team") } },
          concern_impact: { impact: { type: "radio_buttons", ...option("medium") } },
          concern_identity: { identity_mode: { type: "radio_buttons", ...option("named") } },
        },
      },
    },
    response_urls: [],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let batch = 0;
function bodies(count: number): string[] {
  batch += 1;
  return Array.from({ length: count }, (_, i) => submissionBody(`VB${batch}X${i}`, i));
}

/** The stand-in runs in its own process, as Slack would be elsewhere: the cards and DMs sent after each ack cost it, not the bot. */
async function startStandinProcess() {
  const seed = {
    users: [
      { id: USER, name: "bench" },
      { id: "U0LEAD", name: "lead" },
    ],
    channels: [{ id: TRIAGE, name: "triage", members: ["U0LEAD"] }],
  };
  const child = spawn(
    process.execPath,
    ["--import", "tsx", new URL("./standin-process.ts", import.meta.url).pathname, JSON.stringify(seed)],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const [line] = (await once(child.stdout, "data")) as [Buffer];
  const { apiUrl, token } = JSON.parse(line.toString("utf8")) as { apiUrl: string; token: string };
  return { apiUrl, token, close: () => child.stdin.end() };
}

async function main() {
  const standin = await startStandinProcess();
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
