import type { App } from "@slack/bolt";

/** The Web API client Bolt gives listeners (and the app, for jobs). */
export type SlackClient = App["client"];

/** Slack's error code from a failed Web API call ("not_in_channel"), or the message. */
export function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === "string") return data.error;
  return error instanceof Error ? error.message : String(error);
}

/** Views that the user closed while we worked make views.update fail; that is not a problem. */
export function isGoneView(error: unknown): boolean {
  return ["not_found", "hash_conflict"].includes(slackErrorCode(error));
}
