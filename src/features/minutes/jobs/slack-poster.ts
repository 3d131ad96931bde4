/** A message to post with chat.postMessage. */
export interface PostRequest {
  channel: string;
  text: string;
  blocks: unknown[];
  threadTs?: string;
}

/**
 * What became of a post: "channel" errors mean the channel can't be posted to any more (the
 * subscription is paused); "retry" errors may pass (network, 5xx, rate limit after waiting);
 * "permanent" ones won't (a malformed message).
 */
export type PostOutcome =
  | { ok: true; ts: string }
  | { ok: false; error: string; kind: "channel" | "retry" | "permanent" };

export interface SlackPoster {
  post(request: PostRequest): Promise<PostOutcome>;
}

export const CHANNEL_ERRORS = new Set(["not_in_channel", "channel_not_found", "is_archived"]);
