import { performance } from "node:perf_hooks";
import type { Clock } from "../clock";
import { slackSignature } from "./sign";

/** Ways to make a delivery look wrong or repeated, to see the app refuse or deduplicate it. */
export interface DeliveryOptions {
  /** Sign with the wrong secret. */
  badSignature?: boolean;
  /** Send (and sign) a timestamp 6 minutes old: beyond Slack's 5-minute window. */
  staleTimestamp?: boolean;
  /** Mark as Slack's n-th retry: X-Slack-Retry-Num / X-Slack-Retry-Reason. */
  retry?: { num: number; reason: string };
  /** Send these bytes instead of the built body (still signed). */
  rawBody?: string;
  /** Give up waiting for the app after this long (default 10 s; Slack itself waits 3 s). */
  timeoutMs?: number;
}

export interface DeliveryResult {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the app answered JSON, the text otherwise, undefined when empty. */
  body: unknown;
  text: string;
  /** How long the app took to answer. */
  ackMs: number;
  /** Slack would have shown a timeout error (no answer within 3 s). */
  tooSlow: boolean;
  sent: { body: string; headers: Record<string, string> };
}

export const ACK_DEADLINE_MS = 3_000;
const STALE_BY_SEC = 6 * 60;

export interface Endpoint {
  requestUrl: string;
  signingSecret: string;
  /** Source of X-Slack-Request-Timestamp: the app checks it against its own time. */
  clock: Clock;
}

/** POSTs a body to the app's Request URL with Slack's signing headers and times the answer. */
export async function deliver(
  endpoint: Endpoint,
  body: string,
  contentType: string,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const sentBody = options.rawBody ?? body;
  const headers = signedHeaders(endpoint, sentBody, contentType, options);
  return post(endpoint, sentBody, headers, options.timeoutMs);
}

/** The same bytes and headers (signature and timestamp included) sent again. */
export function replayRequest(
  endpoint: Endpoint,
  sent: DeliveryResult["sent"],
  timeoutMs?: number,
): Promise<DeliveryResult> {
  return post(endpoint, sent.body, { ...sent.headers }, timeoutMs);
}

async function post(
  endpoint: Endpoint,
  sentBody: string,
  headers: Record<string, string>,
  timeoutMs = 10_000,
): Promise<DeliveryResult> {
  const started = performance.now();
  const response = await fetch(endpoint.requestUrl, {
    method: "POST",
    headers,
    body: sentBody,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const ackMs = performance.now() - started;
  return {
    status: response.status,
    headers: headersOf(response.headers),
    body: parseAnswer(text, response.headers.get("content-type")),
    text,
    ackMs,
    tooSlow: ackMs > ACK_DEADLINE_MS,
    sent: { body: sentBody, headers },
  };
}

function signedHeaders(
  endpoint: Endpoint,
  body: string,
  contentType: string,
  options: DeliveryOptions,
): Record<string, string> {
  const nowSec = Math.floor(endpoint.clock.now().getTime() / 1000);
  const timestamp = options.staleTimestamp ? nowSec - STALE_BY_SEC : nowSec;
  const secret = options.badSignature ? `${endpoint.signingSecret}-wrong` : endpoint.signingSecret;
  const headers: Record<string, string> = {
    "content-type": contentType,
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(secret, timestamp, body),
  };
  if (options.retry) {
    headers["x-slack-retry-num"] = String(options.retry.num);
    headers["x-slack-retry-reason"] = options.retry.reason;
  }
  return headers;
}

function headersOf(headers: Headers): Record<string, string> {
  const plain: Record<string, string> = {};
  headers.forEach((value, key) => {
    plain[key] = value;
  });
  return plain;
}

function parseAnswer(text: string, contentType: string | null): unknown {
  if (text === "") return undefined;
  const looksJson = contentType?.includes("json") || /^\s*[{[]/.test(text);
  if (!looksJson) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
