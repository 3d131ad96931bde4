import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { ErrorCode, verifySlackRequest } from "@slack/bolt";
import type { Logger } from "../logger";
import { inRequest } from "../request-context";
import { turnGate } from "./turn-gate";

/** Slack's requests are small; a modal's whole state is far below this. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** About 10 to 30 ms of the bot's work per turn of the event loop (see turn-gate.ts). */
export const REQUESTS_PER_TURN = 8;
/** A request whose body has not arrived by then is cut off with 408. */
export const BODY_TIMEOUT_MS = 30_000;
/** Where Slack sends its requests (Bolt's receiver's default endpoint). */
const EVENTS_PATH = "/slack/events";
/** Slack signs requests with the time sent; more than this in the future is not Slack. */
const FUTURE_SKEW_SECONDS = 5 * 60;
/** After a 413, keep reading a little so the client sees the answer rather than a broken pipe. */
const DRAIN_LIMIT_BYTES = 32 * MAX_BODY_BYTES;

export interface Readiness {
  ok: boolean;
  checks: Record<string, string>;
}

export interface FrontDoorOptions {
  /** Bolt's receiver: requests that pass the checks here go on to it, with their body already read. */
  requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  signingSecret: string;
  logger: Logger;
  readiness: () => Promise<Readiness>;
  /** Resolves true once the app can handle requests (its token checked), false if not soon enough. */
  appReady: () => Promise<boolean>;
  maxBodyBytes?: number;
  bodyTimeoutMs?: number;
  requestsPerTurn?: number;
  /** Seconds since the epoch (a test clock may replace it). */
  nowSeconds?: () => number;
  /**
   * Records a signed request (or an event's id) as accepted; false when it was accepted before,
   * on any instance. Without it, repeats are not recognised here.
   */
  firstSighting?: (key: string, expiresAt: Date) => Promise<boolean>;
  /** Shutting down and counting what is in flight (see src/ops). */
  ops?: FrontDoorOps;
}

/** Which of Slack's surfaces a request came from; null for anything that is not Slack's. */
export type SlackSurface = "slash_command" | "shortcut" | "action" | "view" | "event" | "options";

export interface FrontDoorOps {
  /** True once the process is stopping: readiness fails and new Slack requests are turned away. */
  draining(): boolean;
  /** Called as each request arrives; what it returns is called once the request's answer is sent or abandoned. */
  requestStarted(): (outcome: { surface: SlackSurface | null; status: number; seconds: number }) => void;
}

/**
 * Bolt refuses timestamps older than 5 minutes, so a request seen this long ago cannot be replayed;
 * Slack's last event retry comes about 5 minutes after the first delivery, so event ids are kept longer.
 */
const SEEN_REQUEST_MS = 10 * 60_000;
const SEEN_EVENT_MS = 60 * 60_000;

type Body = { kind: "read"; bytes: Buffer } | { kind: "too-large" };

/**
 * The bot's HTTP server, in front of Bolt's receiver: it caps bodies and the time they take to
 * arrive, refuses what Slack never sends (bodies that are not objects, timestamps in the future)
 * before Bolt reads them, acknowledges Slack's `app_rate_limited` notice, and answers the health
 * and readiness checks of a load balancer.
 */
export function createFrontDoor(options: FrontDoorOptions): Server {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const enterTurn = turnGate(options.requestsPerTurn ?? REQUESTS_PER_TURN);
  const server = createServer({ connectionsCheckingInterval: 250 }, (req, res) => {
    const seen: Seen = { surface: null };
    const finished = options.ops?.requestStarted();
    if (finished) {
      const started = process.hrtime.bigint();
      let reported = false;
      const done = () => {
        if (reported) return;
        reported = true;
        finished({
          surface: seen.surface,
          status: res.writableFinished ? res.statusCode : 0,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
        });
      };
      res.once("finish", done);
      res.once("close", done);
    }
    handle(req, res, options, maxBodyBytes, enterTurn, seen).catch((error: unknown) => {
      options.logger.error("A request could not be handled", error);
      if (!res.headersSent) answer(res, 500);
      else res.destroy();
    });
  });
  server.requestTimeout = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  server.headersTimeout = Math.min(server.requestTimeout, 20_000);
  return server;
}

interface Seen {
  surface: SlackSurface | null;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  options: FrontDoorOptions,
  maxBodyBytes: number,
  enterTurn: () => Promise<void> | undefined,
  seen: Seen,
) {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (req.method === "GET" && path === "/healthz") return answer(res, 200, { status: "up" });
  if (req.method === "GET" && path === "/readyz") {
    if (options.ops?.draining()) return answer(res, 503, { ok: false, checks: { shutdown: "draining" } });
    const readiness = await options.readiness();
    return answer(res, readiness.ok ? 200 : 503, readiness);
  }
  if (req.method !== "POST") return passOn(req, res, options, path);
  // Slack posts only to the events path; nothing else here takes a POST.
  if (path !== EVENTS_PATH) return answer(res, 404);

  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBodyBytes) return refuseTooLarge(req, res);
  const body = await readBody(req, maxBodyBytes);
  if (body.kind === "too-large") return refuseTooLarge(req, res);

  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  const now = options.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
  if (Number.isFinite(timestamp) && timestamp > now + FUTURE_SKEW_SECONDS) return answer(res, 401);
  // Checked before anything waits (a turn, the token check), so requests not from Slack cost no more
  // than the check. Bolt's receiver, handed only verified requests, need not check again.
  if (!verified(req, body.bytes, options)) return answerUnsigned(req, res, body.bytes, options, path);

  const turn = enterTurn();
  if (turn) await turn;
  const parsed = parseSlackBody(body.bytes, req.headers["content-type"]);
  if (parsed === null || !idsLookLikeSlack(parsed)) return answer(res, 400);
  if (parsed.type === "app_rate_limited") return acknowledgeRateLimited(res, parsed, options);
  seen.surface = surfaceOf(parsed);
  if (options.ops?.draining()) return turnAway(res, seen.surface);

  if (!(await options.appReady()))
    return answer(res, 503, { error: "not ready: Slack has not accepted the bot token yet" });
  if (options.firstSighting) {
    const sighting = await firstSightingOrUnknown(req, body.bytes, parsed, options.firstSighting, options.logger, now);
    if (sighting === "unknown") return answerWithoutStorage(res, parsed, seen.surface);
    if (!sighting) return answer(res, 200);
  }
  Object.assign(req, { rawBody: body.bytes });
  inRequest(workspaceOf(parsed), () => passOn(req, res, options, path));
}

/**
 * To Bolt's receiver, which throws for a request it has no route for (any method but POST on the
 * events path, any path it does not serve): 405 or 404 rather than an error.
 */
function passOn(req: IncomingMessage, res: ServerResponse, options: FrontDoorOptions, path: string): void {
  try {
    options.requestListener(req, res);
  } catch (error) {
    if ((error as { code?: unknown }).code !== ErrorCode.HTTPReceiverDeferredRequestError) throw error;
    if (path === EVENTS_PATH) res.setHeader("allow", "POST");
    answer(res, path === EVENTS_PATH ? 405 : 404);
  }
}

/**
 * While stopping: a slash command is answered with a note only its sender sees (Slack shows a 503
 * as an error); anything else gets 503, so Slack retries it, and the connection is closed so the
 * retry opens a new one, which the load balancer sends to another instance.
 */
function turnAway(res: ServerResponse, surface: SlackSurface | null): void {
  res.setHeader("connection", "close");
  if (surface === "slash_command") {
    answer(res, 200, {
      response_type: "ephemeral",
      text: "localism-bot is restarting. Please try again in a few seconds.",
    });
    return;
  }
  res.setHeader("retry-after", "1");
  answer(res, 503, { error: "shutting down: try another instance" });
}

/** 401, except for Slack's SSL check, which Slack never signs: passed on stripped, as Bolt passes it on. */
function answerUnsigned(
  req: IncomingMessage,
  res: ServerResponse,
  bytes: Buffer,
  options: FrontDoorOptions,
  path: string,
): void {
  if (!isSslCheck(parseSlackBody(bytes, req.headers["content-type"]), req.headers["content-type"])) {
    answer(res, 401);
    return;
  }
  Object.assign(req, { rawBody: Buffer.from("ssl_check=1") });
  passOn(req, res, options, path);
}

/** Slack's check of the Request URL's certificate: a form with `ssl_check=1`, never signed (Bolt answers it). */
function isSslCheck(parsed: Record<string, unknown> | null, contentType: string | undefined): boolean {
  return contentType === "application/x-www-form-urlencoded" && parsed?.ssl_check === "1";
}

/** The surface a request comes from, by the shape Slack gives each kind of body. */
export function surfaceOf(body: Record<string, unknown>): SlackSurface | null {
  if (typeof body.command === "string") return "slash_command";
  switch (body.type) {
    case "event_callback":
    case "url_verification":
      return "event";
    case "block_actions":
    case "interactive_message":
      return "action";
    case "view_submission":
    case "view_closed":
      return "view";
    case "shortcut":
    case "message_action":
      return "shortcut";
    case "block_suggestion":
    case "dialog_suggestion":
      return "options";
    default:
      return null;
  }
}

const STORAGE_DOWN =
  "Sorry, localism-bot cannot use its database just now, so nothing has been saved or done. Please try again in a minute.";

/**
 * Whether the request is new, asked twice (a connection the database cut is replaced on the second
 * try); "unknown" when the database cannot say, and the request must not go on unguarded.
 */
async function firstSightingOrUnknown(
  req: IncomingMessage,
  bytes: Buffer,
  parsed: Record<string, unknown>,
  record: (key: string, expiresAt: Date) => Promise<boolean>,
  logger: FrontDoorOptions["logger"],
  nowSeconds: number,
): Promise<boolean | "unknown"> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await firstSighting(req, bytes, parsed, record, nowSeconds);
    } catch (error) {
      if (attempt === 2) {
        logger.error("Could not check a request against those already handled", error);
        return "unknown";
      }
    }
  }
}

/**
 * The database is out of reach: the person is told so where Slack shows it (a slash command's own
 * reply, or an error under a submitted form's first input, the form kept as typed); anything else
 * gets 503, which Slack's event retries and the person's client show as a failure.
 */
function answerWithoutStorage(res: ServerResponse, parsed: Record<string, unknown>, surface: SlackSurface | null) {
  if (surface === "slash_command") return answer(res, 200, { response_type: "ephemeral", text: STORAGE_DOWN });
  const input = parsed.type === "view_submission" ? firstInputBlockId(parsed.view) : undefined;
  if (input) return answer(res, 200, { response_action: "errors", errors: { [input]: STORAGE_DOWN } });
  res.setHeader("retry-after", "30");
  answer(res, 503, { error: "the database is unavailable" });
}

function firstInputBlockId(view: unknown): string | undefined {
  const blocks = (view as { blocks?: unknown } | null)?.blocks;
  if (!Array.isArray(blocks)) return undefined;
  const input = blocks.find((block) => block?.type === "input" && typeof block.block_id === "string");
  return input?.block_id;
}

/**
 * Whether this signed request is new: the same bytes with the same timestamp (a replay), or an event
 * Slack already delivered (its retries carry the same event_id), have been handled already.
 */
async function firstSighting(
  req: IncomingMessage,
  bytes: Buffer,
  parsed: Record<string, unknown>,
  record: (key: string, expiresAt: Date) => Promise<boolean>,
  nowSeconds: number,
): Promise<boolean> {
  const now = nowSeconds * 1000;
  const timestamp = String(req.headers["x-slack-request-timestamp"] ?? "");
  const request = createHash("sha256").update(`${timestamp}:`).update(bytes).digest("hex");
  if (!(await record(`request:${request}`, new Date(now + SEEN_REQUEST_MS)))) return false;
  const eventId = parsed.type === "event_callback" && typeof parsed.event_id === "string" ? parsed.event_id : null;
  const team = typeof parsed.team_id === "string" ? parsed.team_id : "";
  return eventId === null || record(`event:${team}:${eventId}`, new Date(now + SEEN_EVENT_MS));
}

function readBody(req: IncomingMessage, maxBodyBytes: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.off("data", onData);
        resolve({ kind: "too-large" });
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve({ kind: "read", bytes: Buffer.concat(chunks) }));
    req.once("error", reject);
  });
}

/** Answers 413 and reads on (up to a limit) so the client gets the answer instead of a reset. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("connection", "close");
  answer(res, 413, { error: "request body too large" });
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.resume();
}

/**
 * The body as Bolt will read it, when it is an object (a form, or a form's `payload`, or JSON);
 * null for anything else (`payload=null`, a JSON `null` or array, text that is not JSON).
 */
export function parseSlackBody(bytes: Buffer, contentType: string | undefined): Record<string, unknown> | null {
  try {
    const text = bytes.toString("utf8");
    const isForm = (contentType ?? "").split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded";
    if (isForm) {
      const form = parseQuery(text);
      if (typeof form.payload === "string") return asObject(JSON.parse(form.payload));
      return form.payload === undefined ? (form as Record<string, unknown>) : null;
    }
    return asObject(JSON.parse(text));
  } catch {
    return null;
  }
}

/** Slack ids: upper-case letters and digits (T0123ABCD, U024BE7LH, C0123, W012A3CDE...). */
const SLACK_ID = /^[A-Z0-9]{1,40}$/;
const ID_FIELDS = ["team_id", "user_id", "channel_id", "enterprise_id", "api_app_id"];
const ID_OBJECTS = ["team", "user", "channel", "enterprise"];

/**
 * Where a body names a workspace, person or channel, the name is a Slack id. Anything else
 * ("__proto__", "constructor") is not from Slack, and would reach code that keys maps by these ids.
 */
export function idsLookLikeSlack(body: Record<string, unknown>): boolean {
  const event = asObject(body.event);
  const values = [
    ...ID_FIELDS.map((field) => body[field]),
    ...ID_OBJECTS.map((field) => asObject(body[field])?.id),
    event?.user,
    event?.channel,
    event?.team,
  ];
  return values.every(
    (value) => value === undefined || value === null || (typeof value === "string" && SLACK_ID.test(value)),
  );
}

/** The workspace a request comes from, as Slack names it in each kind of body. */
function workspaceOf(body: Record<string, unknown>): string | null {
  const team = body.team_id ?? asObject(body.team)?.id ?? asObject(body.event)?.team;
  return typeof team === "string" ? team : null;
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Slack tells an app it is over its event rate limit; nothing listens for it, so it is logged and acknowledged here. */
function acknowledgeRateLimited(res: ServerResponse, body: Record<string, unknown>, options: FrontDoorOptions): void {
  options.logger.warn(
    `Slack is rate limiting this app's events (workspace ${String(body.team_id ?? "unknown")}, minute ${String(body.minute_rate_limited ?? "unknown")})`,
  );
  answer(res, 200);
}

function verified(req: IncomingMessage, bytes: Buffer, options: FrontDoorOptions): boolean {
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body: bytes.toString("utf8"),
      headers: {
        "x-slack-signature": String(req.headers["x-slack-signature"] ?? ""),
        "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
      },
    });
    return true;
  } catch {
    return false;
  }
}

function answer(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
