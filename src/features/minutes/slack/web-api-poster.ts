import { webApi } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { Logger } from "../../../logger";
import type { WorkspaceClients } from "../../../slack/workspace-clients";
import {
  CHANNEL_ERRORS,
  type PostOutcome,
  type PostRequest,
  type SlackPoster,
  UNINSTALLED_ERRORS,
} from "../jobs/slack-poster";

export interface PosterOptions {
  /** At most one message per channel in this time (Slack: about one per second per channel). */
  minIntervalMs: number;
  /** How many times to wait out a 429 for one message before leaving it to the outbox's retry. */
  maxRateLimitWaits: number;
  sleep: (ms: number) => Promise<void>;
  /** A monotonic clock in milliseconds (real time: Slack's limits are in real time). */
  monotonicNow: () => number;
  logger: Logger;
}

export const defaultPosterTiming = {
  minIntervalMs: 1_000,
  maxRateLimitWaits: 5,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  monotonicNow: () => performance.now(),
};

/**
 * chat.postMessage with the token of the message's workspace and Slack's rate limits respected:
 * posts to one channel are spaced at least `minIntervalMs` apart, and a 429 is waited out for its
 * Retry-After before the same post is retried.
 */
export class WebApiPoster implements SlackPoster {
  private readonly lastPostAt = new Map<string, number>();

  constructor(
    private readonly clients: WorkspaceClients,
    private readonly options: PosterOptions,
  ) {}

  async post(request: PostRequest): Promise<PostOutcome> {
    for (let waits = 0; ; waits++) {
      await this.paceChannel(request.channel);
      const outcome = await this.attempt(request);
      // Spaced from when Slack answered, so the gap holds on Slack's side too; a failed post takes no slot.
      if ("retryAfter" in outcome || outcome.ok) this.lastPostAt.set(request.channel, this.options.monotonicNow());
      if (!("retryAfter" in outcome)) return outcome;
      if (waits >= this.options.maxRateLimitWaits) return { ok: false, error: "ratelimited", kind: "retry" };
      this.options.logger.warn(
        `Slack rate-limited a post to ${request.channel}; waiting ${outcome.retryAfter} s as Retry-After asks`,
      );
      await this.options.sleep(outcome.retryAfter * 1_000);
    }
  }

  private async attempt(request: PostRequest): Promise<PostOutcome | { retryAfter: number }> {
    const client = await this.clients.forWorkspace(request.workspaceId ?? null, "posting");
    if (!client) return { ok: false, error: "not_installed", kind: "not-installed" };
    try {
      const result = await client.chat.postMessage({
        channel: request.channel,
        text: request.text,
        // Built by our own views (src/slack/views/digest.ts) and stored as JSON in the outbox.
        blocks: request.blocks as KnownBlock[],
        unfurl_links: false,
        unfurl_media: false,
        ...(request.threadTs ? { thread_ts: request.threadTs } : {}),
      });
      return result.ts ? { ok: true, ts: result.ts } : { ok: false, error: "no_ts_returned", kind: "retry" };
    } catch (error) {
      return error instanceof webApi.WebAPIRateLimitedError ? { retryAfter: error.retryAfter } : classify(error);
    }
  }

  private async paceChannel(channel: string): Promise<void> {
    const last = this.lastPostAt.get(channel);
    const wait = last === undefined ? 0 : last + this.options.minIntervalMs - this.options.monotonicNow();
    if (wait > 0) await this.options.sleep(wait);
  }
}

function classify(error: unknown): PostOutcome {
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (CHANNEL_ERRORS.has(code)) return { ok: false, error: code, kind: "channel" };
    if (UNINSTALLED_ERRORS.has(code)) return { ok: false, error: code, kind: "not-installed" };
    const passing =
      code === "ratelimited" ||
      code === "internal_error" ||
      code === "fatal_error" ||
      code === "service_unavailable" ||
      code === "request_timeout";
    return { ok: false, error: code, kind: passing ? "retry" : "permanent" };
  }
  if (error instanceof webApi.WebAPIRateLimitedError) return { ok: false, error: "ratelimited", kind: "retry" };
  if (error instanceof webApi.WebAPIHTTPError) return { ok: false, error: `http_${error.statusCode}`, kind: "retry" };
  if (error instanceof webApi.WebAPIRequestError && isTimeout(error.original)) {
    return { ok: false, error: "no_answer_in_time", kind: "retry" };
  }
  return { ok: false, error: error instanceof Error ? error.message : String(error), kind: "retry" };
}

function isTimeout(error: Error): boolean {
  return error.name === "TimeoutError" || error.name === "AbortError";
}
