import http from "node:http";
import https from "node:https";
import { stringify } from "node:querystring";
import { webApi } from "@slack/bolt";
import type { Logger } from "../logger";

type CallResult = webApi.WebAPICallResult & {
  response_metadata?: {
    warnings?: string[];
    messages?: string[];
    scopes?: string[];
    acceptedScopes?: string[];
    retryAfter?: number;
  };
};

interface RawResponse {
  status: number;
  statusMessage: string;
  headers: http.IncomingHttpHeaders;
  text: string;
}

const IDLE_CONNECTION_MS = 4_000;
const POSTING_METHODS = new Set(["chat.postEphemeral", "chat.postMessage", "chat.scheduleMessage"]);

/**
 * The client jobs post with (the concern outbox, the digest poster): each call is one HTTP request
 * on a kept-alive connection, and its outcome is what the caller decides on. WebClient's own call
 * path queues every call, wraps it in a retry operation (with retries off), sends it through
 * `fetch` and its web streams, and builds three JSON strings of the request and answer for debug
 * lines whether or not anything logs them: about half the CPU of a delivered message. Here a call
 * fails the way WebClient's would with `rejectRateLimitedCalls` and no retries (the same error
 * classes, the `rate_limited` event before a 429 is thrown), so the callers' handling is unchanged.
 */
export class PostingClient extends webApi.WebClient {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;
  private readonly log: Logger;

  constructor(token: string, options: { slackApiUrl: string; logger: Logger; timeoutMs: number }) {
    super(token, {
      slackApiUrl: options.slackApiUrl,
      logger: options.logger,
      timeout: options.timeoutMs,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    const secure = this.slackApiUrl.startsWith("https:");
    // An idle connection is closed after a few seconds (as fetch's pool does), before Slack's end
    // closes it: a post sent on a connection the server is closing would fail with no answer.
    const pool = { keepAlive: true, timeout: IDLE_CONNECTION_MS };
    this.agent = secure ? new https.Agent(pool) : new http.Agent(pool);
    this.request = secure ? https.request : http.request;
    // The User-Agent, Accept and Authorization WebClient would send.
    this.headers = {
      ...(this as unknown as { defaultHeaders: Record<string, string> }).defaultHeaders,
      "Content-Type": "application/x-www-form-urlencoded",
    };
    this.timeoutMs = options.timeoutMs;
    this.log = options.logger;
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}): Promise<webApi.WebAPICallResult> {
    warnIfTextMissing(method, options, this.log);
    const url = `${this.slackApiUrl}${method}`;
    const body = formBody(options);
    const headers =
      typeof options.token === "string" ? { ...this.headers, Authorization: `Bearer ${options.token}` } : this.headers;
    let response: RawResponse;
    try {
      response = await this.post(url, body, headers);
    } catch (error) {
      const original = error instanceof Error ? error : new Error(String(error));
      this.log.warn("http request failed", original.message);
      throw new webApi.WebAPIRequestError(original);
    }
    if (response.status === 429) {
      const retrySec = retryAfter(response.headers);
      if (retrySec === undefined)
        throw new Error(
          `Retry header did not contain a valid timeout (url: ${url}, retry-after header: ${response.headers["retry-after"]})`,
        );
      this.emit(webApi.WebClientEvent.RATE_LIMITED, retrySec, { url, body: options });
      throw new webApi.WebAPIRateLimitedError(retrySec);
    }
    if (response.status !== 200) {
      throw new webApi.WebAPIHTTPError(
        response.status,
        response.statusMessage,
        flatHeaders(response.headers),
        response.text,
      );
    }
    const result = resultOf(response);
    this.logMetadata(result);
    if (!result.ok) throw new webApi.WebAPIPlatformError(result as CallResult & { error: string });
    return result;
  }

  private post(url: string, body: string, headers: Record<string, string>): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const request = this.request(
        url,
        { method: "POST", agent: this.agent, headers: { ...headers, "Content-Length": Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            clearTimeout(timer);
            resolve({
              status: response.statusCode ?? 0,
              statusMessage: response.statusMessage ?? "",
              headers: response.headers,
              text: Buffer.concat(chunks).toString("utf8"),
            });
          });
        },
      );
      const timer =
        this.timeoutMs > 0
          ? setTimeout(() => {
              const error = new Error("The operation was aborted due to timeout");
              error.name = "TimeoutError";
              request.destroy(error);
            }, this.timeoutMs)
          : undefined;
      request.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body);
    });
  }

  private logMetadata(result: CallResult): void {
    const metadata = result.response_metadata;
    for (const warning of metadata?.warnings ?? []) this.log.warn(warning);
    for (const message of metadata?.messages ?? []) {
      const error = /\[ERROR\](.*)/.exec(message);
      if (error?.[1]) this.log.error(error[1].trim());
      const warning = error ? null : /\[WARN\](.*)/.exec(message);
      if (warning?.[1]) this.log.warn(warning[1].trim());
    }
  }
}

/** What WebClient sends: form fields, objects and arrays as JSON, nothing for undefined or null. */
function formBody(options: Record<string, unknown>): string {
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    if (Buffer.isBuffer(value)) throw new TypeError("Files are not sent through the posting client");
    fields[key] =
      typeof value === "string" || typeof value === "number" || typeof value === "boolean"
        ? value
        : JSON.stringify(value);
  }
  return stringify(fields);
}

function resultOf(response: RawResponse): CallResult {
  let data: CallResult;
  try {
    data = JSON.parse(response.text) as CallResult;
  } catch {
    data = { ok: false, error: response.text } as CallResult;
  }
  data.response_metadata ??= {};
  const scopes = response.headers["x-oauth-scopes"];
  if (typeof scopes === "string") data.response_metadata.scopes = scopes.trim().split(/\s*,\s*/);
  const accepted = response.headers["x-accepted-oauth-scopes"];
  if (typeof accepted === "string") data.response_metadata.acceptedScopes = accepted.trim().split(/\s*,\s*/);
  const retrySec = retryAfter(response.headers);
  if (retrySec !== undefined) data.response_metadata.retryAfter = retrySec;
  return data;
}

function retryAfter(headers: http.IncomingHttpHeaders): number | undefined {
  const header = headers["retry-after"];
  if (typeof header !== "string") return undefined;
  const seconds = Number.parseInt(header, 10);
  return Number.isNaN(seconds) ? undefined : seconds;
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function warnIfTextMissing(method: string, options: Record<string, unknown>, logger: Logger): void {
  if (!POSTING_METHODS.has(method)) return;
  const attachments = options.attachments;
  const empty = (options.text === undefined || options.text === null || options.text === "") && !options.markdown_text;
  if (empty && !(Array.isArray(attachments) && attachments.length > 0))
    logger.warn(`The top-level \`text\` argument is missing in the request payload for a ${method} call`);
  if (options.thread_ts !== undefined && typeof options.thread_ts !== "string")
    logger.warn(`The given thread_ts value in the request payload for a ${method} call is a float value.`);
}
