import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { webApi } from "@slack/bolt";
import { type SlackStandin, type SlackStandinOptions, startSlackStandin } from "../src/index";

const { WebClient } = webApi;

/** This package's own Slack payloads (fixtures/README.md says what each one is). */
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

export function readFixture(relativePath: string): string {
  return readFileSync(`${FIXTURES}${relativePath}`, "utf8");
}

export function fixtureJson(relativePath: string): Record<string, unknown> {
  return JSON.parse(readFixture(relativePath)) as Record<string, unknown>;
}

/** A stand-in with two people, a public channel with both and the bot, and a WebClient on it. */
export async function seededStandin(options: SlackStandinOptions = {}) {
  const standin = await startSlackStandin(options);
  const alice = standin.workspace.addUser({ name: "alice", real_name: "Alice Ward" });
  const bob = standin.workspace.addUser({ name: "bob", real_name: "Bob Hart" });
  const general = standin.workspace.addChannel({ name: "ccg-general", members: [alice.id, bob.id] });
  return { standin, alice, bob, general, client: webClient(standin) };
}

/** A real @slack/web-api client pointed at the stand-in, without retries unless asked; null token = none. */
export function webClient(
  standin: SlackStandin,
  options: webApi.WebClientOptions = {},
  token: string | null = standin.token,
) {
  return new WebClient(token ?? undefined, {
    slackApiUrl: standin.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
    logger: silentLogger(),
    ...options,
  });
}

/** WebClient logs Slack's [ERROR] messages; tests assert on them instead. */
export function silentLogger(): webApi.Logger {
  const noop = () => undefined;
  return {
    debug: noop,
    info: noop,
    warn: noop,
    error: noop,
    setLevel: noop,
    getLevel: () => webApi.LogLevel.ERROR,
    setName: noop,
  };
}

/** The Slack error code a rejected WebClient call carried. */
export async function slackError(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    const data = (error as { data?: { error?: string } }).data;
    return data?.error ?? (error as Error).message;
  }
}

export function section(text: string) {
  return { type: "section", text: { type: "mrkdwn", text } };
}

export function modal(overrides: Record<string, unknown> = {}) {
  return {
    type: "modal" as const,
    callback_id: "log_concern",
    title: { type: "plain_text" as const, text: "Log a concern" },
    submit: { type: "plain_text" as const, text: "Save" },
    blocks: [
      {
        type: "input",
        block_id: "concern",
        label: { type: "plain_text", text: "What is the concern?" },
        element: { type: "plain_text_input", action_id: "text", multiline: true },
      },
    ],
    ...overrides,
  };
}

export interface CapturedRequest {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A stand-in for the app's Request URL that records what arrives and answers 200 with `capture.reply`. */
export async function startCapture(reply = "") {
  const requests: CapturedRequest[] = [];
  const capture = {
    url: "",
    requests,
    /** JSON (or empty) body of the next answers. */
    reply,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, capture.reply ? { "content-type": "application/json" } : {});
      res.end(capture.reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  capture.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  return capture;
}
