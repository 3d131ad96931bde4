import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { Logger, withholdPayloads } from "../src/logger";
import { inRequest } from "../src/request-context";

describe("the logger", () => {
  it("withholds the request and response bodies Slack's SDKs log at debug level", () => {
    expect(withholdPayloads('http request body: {"channel":"U0SECRET","text":"concern"}')).toBe(
      "http request body: [withheld]",
    );
    expect(withholdPayloads('http request result: {"ok":true,"user":"U0SECRET"}')).toBe(
      "http request result: [withheld]",
    );
    expect(withholdPayloads('ack() response sent (body: {"receipt":"K7QH"})')).toBe(
      "ack() response sent (body: [withheld])",
    );
    expect(withholdPayloads("apiCall('chat.postMessage') start")).toBe("apiCall('chat.postMessage') start");
  });

  it("writes redacted, withheld lines", () => {
    const lines: string[] = [];
    new Logger("debug", (line) => lines.push(line)).debug('http request body: {"token":"xoxb-1-2"}');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("[withheld]");
    expect(lines[0]).not.toContain("xoxb");
  });
});

const BOT_TOKEN = "xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx";
const APP_TOKEN = "xapp-1-A0123-4567-abcdef0123456789";
const SIGNING = "8f742231b10e8888abcd99aaabbb85a5";
const CLIENT_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const ENCRYPTION_KEY = "k3y-ZmFrZS1lbmNyeXB0aW9uLWtleS1mb3ItdGVzdHM";
const CONCERN = "My manager told me not to raise the waiting list figures with the board";

/** Everything a caller (or Bolt, or Slack's Web API client) might hand the logger that carries a secret or what someone wrote. */
function logEverything(logger: Logger): void {
  logger.info(`starting with token ${BOT_TOKEN} and ${APP_TOKEN}`);
  logger.debug(`signing_secret=${SIGNING} client_secret: ${CLIENT_SECRET}`);
  logger.debug(`Authorization: Bearer ${ENCRYPTION_KEY}`);
  logger.warn("posting failed", { channel: "C0123", text: CONCERN, token: BOT_TOKEN });
  logger.error("a view arrived", {
    view: { state: { values: { concern: { text: { value: CONCERN } } } } },
    client_secret: CLIENT_SECRET,
    encryption_key: ENCRYPTION_KEY,
    nested: { deeper: { signingSecret: SIGNING, blocks: [{ type: "section", text: CONCERN }] } },
  });
  logger.error("Could not post", new Error(`chat.postMessage failed for ${BOT_TOKEN}`));
  logger.debug(`http request body: {"text":"${CONCERN}"}`);
}

const engines: ("built-in" | "pino")[] = ["built-in", ...(canLoad("pino") ? (["pino"] as const) : [])];

function canLoad(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}

describe.each(engines)("JSON lines (%s)", (engine) => {
  it("never contain a token, a secret, a key or what someone wrote", () => {
    const lines: string[] = [];
    logEverything(new Logger("debug", (line) => lines.push(line), { format: "json", engine }));
    expect(lines).toHaveLength(7);
    const output = lines.join("\n");
    for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING, CLIENT_SECRET, ENCRYPTION_KEY, CONCERN, "waiting list"])
      expect(output).not.toContain(secret);
    for (const line of lines)
      expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
    expect(JSON.parse(lines[3] as string)).toMatchObject({ msg: "posting failed", data: { channel: "C0123" } });
    expect(JSON.parse(lines[5] as string)).toMatchObject({ level: "error", error: { type: "Error" } });
  });

  it("carry the request id and workspace id of the request being handled", () => {
    const lines: string[] = [];
    const logger = new Logger("info", (line) => lines.push(line), { format: "json", engine });
    logger.info("before");
    inRequest("T0CCG0001", () => logger.info("during"));
    const [before, during] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(before).not.toHaveProperty("requestId");
    expect(during).toMatchObject({ msg: "during", workspaceId: "T0CCG0001", requestId: expect.any(String) });
    expect(String(during?.time)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe("pretty lines", () => {
  it("are one readable line each, redacted the same way", () => {
    const lines: string[] = [];
    const logger = new Logger("debug", (line) => lines.push(line), { format: "pretty" });
    logEverything(logger);
    inRequest("T0CCG0001", () => logger.info("answered a question"));
    const output = lines.join("\n");
    for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING, CLIENT_SECRET, ENCRYPTION_KEY, CONCERN])
      expect(output).not.toContain(secret);
    expect(lines.at(-1)).toMatch(
      /^\d{2}:\d{2}:\d{2}\.\d{3} INFO {2}localism \[[0-9a-f]{8} T0CCG0001\] answered a question$/,
    );
  });
});
