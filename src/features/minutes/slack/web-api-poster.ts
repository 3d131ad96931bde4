import { webApi } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { Logger } from "../../../logger";
import { CHANNEL_ERRORS, type PostOutcome, type PostRequest, type SlackPoster } from "../jobs/slack-poster";

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

export const DEFAULT_POST_TIMEOUT_MS = 15_000;

/**
 * A Web API client that gives up on a call Slack does not answer within `timeoutMs`, and reports 429s
 * instead of retrying on its own, so the poster can wait them out. It retries nothing itself: a post
 * that failed is retried by the outbox, a limited number of times with backoff, and reported when it
 * is given up.
 */
export function createPostingClient(
  token: string,
  slackApiUrl: string,
  logger: Logger,
  timeoutMs = DEFAULT_POST_TIMEOUT_MS,
): webApi.WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl,
    logger,
    timeout: timeoutMs,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
}

/**
 * chat.postMessage with Slack's rate limits respected: posts to one channel are spaced at least
 * `minIntervalMs` apart, and a 429 is waited out for its Retry-After before the same post is retried.
 */
export class WebApiPoster implements SlackPoster {
  private readonly lastPostAt = new Map<string, number>();

  constructor(
    private readonly client: webApi.WebClient,
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
    try {
      const result = await this.client.chat.postMessage({
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
