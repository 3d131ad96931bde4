import { hostname } from "node:os";
import type { RecordedCall } from "@localism/slack-standin";
import { PEOPLE, readable, startTestBot, type TestBot, type TestBotOptions } from "./bot";
import { waitUntil } from "./wait";

export { readable };

/** Settings every digests test needs: sources on the loopback test server may be fetched. */
export const DIGEST_ENV = { FETCH_ALLOW_PRIVATE_HOSTS: "true", FETCH_TIMEOUT_SECONDS: "2" };

/**
 * The test bot with its jobs running (each check is an hour apart, so nothing runs on its own
 * during a test): `/digest now` wakes the digest job as it does in production.
 */
export function startDigestBot(options: TestBotOptions = {}): Promise<TestBot> {
  return startTestBot({ startJobs: true, ...options, env: { ...DIGEST_ENV, ...options.env } });
}

/**
 * Types `/digest <text>` and returns what the person sees: the acknowledgement itself, or the
 * ephemeral reply sent afterwards through the command's response_url.
 */
export async function digest(t: TestBot, text: string, where: { channel: string; user?: string }): Promise<string> {
  const delivered = await t.slack.slashCommand({
    command: "/digest",
    text,
    user: where.user ?? PEOPLE.staff.id,
    channel: where.channel,
  });
  if (delivered.effect.kind === "ephemeral") return readable(delivered.body);
  const id = delivered.responseUrl.split("/").pop();
  const call = await t.standin.waitForCall("response_url", (c) => c.params.response_url_id === id, 15_000);
  return readable(call.params);
}

/** The bot's top-level posts in a channel (chat.postMessage calls Slack accepted, thread replies excluded). */
export function postsIn(t: TestBot, channel: string): RecordedCall[] {
  return t.standin
    .callsTo("chat.postMessage")
    .filter(
      (call) =>
        call.params.channel === channel && call.status === 200 && call.response.ok === true && !call.params.thread_ts,
    );
}

export function jobs(t: TestBot) {
  const { minutes } = t.bot.core.features;
  const digestJob = minutes.digestJob;
  if (!digestJob) throw new Error("the test bot has Slack settings, so it has a digest job");
  const { db } = t.bot.core.database;
  // This process's running jobs may be posting a message the run then finds locked: wait for them.
  const postingHere = { startsWith: `${hostname()}/${process.pid}/` };
  const settled = async () =>
    (await db.slackOutbox.count({
      where: { sentAt: null, failedAt: null, lockedBy: postingHere, lockedUntil: { gt: t.bot.core.clock.now() } },
    })) === 0;
  return {
    poll: () => minutes.pollJob.runOnce(),
    digests: async () => {
      const result = await digestJob.runOnce();
      await waitUntil(settled);
      return result;
    },
  };
}

/** Serves a document on the test server and adds it as a source, which reads it at once (stored at the clock's time). */
export async function publish(
  t: TestBot,
  server: {
    serve(path: string, resource: { body: string | Uint8Array; contentType: string }): void;
    url(path: string): string;
  },
  path: string,
  body: string | Uint8Array,
  contentType: string,
) {
  server.serve(path, { body, contentType });
  const result = await t.bot.core.features.minutes.sources.add(server.url(path), null);
  if (result.outcome === "refused" || result.report.errors.length > 0)
    throw new Error(`could not publish ${path}: ${JSON.stringify(result)}`);
  return result;
}
