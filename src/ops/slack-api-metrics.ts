import { webApi } from "@slack/bolt";
import type { BotMetrics } from "./metrics";

type ApiCall = (this: webApi.WebClient, method: string, options?: Record<string, unknown>) => Promise<unknown>;

type Emit = (this: webApi.WebClient, event: string | symbol, ...args: unknown[]) => boolean;

const counting = new Set<BotMetrics>();
let installed = false;

/**
 * WebClient binds its methods (client.chat.postMessage...) to `apiCall` when constructed, so the
 * wrapper must be in place before the first client is made; counting starts with countSlackApiCalls.
 */
export function prepareSlackApiCounting(): void {
  if (!installed) install();
}

/**
 * Counts every Slack Web API call and rate-limit wait, whichever client makes it (Bolt's clients
 * for listeners, the digest poster's own). WebClient has no per-call hook, so its prototype's
 * `apiCall` is wrapped once; `rate_limited` is the event it emits before waiting.
 */
export function countSlackApiCalls(metrics: BotMetrics): () => void {
  counting.add(metrics);
  if (!installed) install();
  return () => counting.delete(metrics);
}

function install(): void {
  installed = true;
  const prototype = webApi.WebClient.prototype as unknown as { apiCall: ApiCall; emit: Emit };
  const apiCall = prototype.apiCall;
  prototype.apiCall = async function countedApiCall(method, options) {
    try {
      const result = await apiCall.call(this, method, options);
      record(method, "ok");
      return result;
    } catch (error) {
      record(method, errorCode(error));
      throw error;
    }
  };
  const emit = prototype.emit;
  prototype.emit = function countedEmit(event, ...args) {
    if (event === webApi.WebClientEvent.RATE_LIMITED) {
      const seconds = typeof args[0] === "number" ? args[0] : 0;
      for (const metrics of counting) {
        metrics.rateLimited.inc();
        metrics.rateLimitWaitSeconds.inc({}, seconds);
      }
    }
    return emit.call(this, event, ...args);
  };
}

function record(method: string, outcome: string): void {
  for (const metrics of counting) metrics.apiCalls.inc({ method, outcome });
}

/** Slack's error code (`channel_not_found`), or the kind of failure when Slack did not answer. */
function errorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === "string" && /^[a-z_]{1,60}$/.test(data.error)) return data.error;
  const code = (error as { code?: unknown }).code;
  if (code === webApi.ErrorCode.RateLimitedError) return "rate_limited";
  if (code === webApi.ErrorCode.HTTPError) return "http_error";
  return "request_failed";
}
