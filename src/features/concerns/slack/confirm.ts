import type { IdentityMode, SubmissionResult } from "../domain";
import type { SlackClient } from "./client";
import type { FormMetadata } from "./metadata";
import type { ConcernNotifier } from "./notifier";
import { submittedMessage } from "./views/submitted";
import { reference } from "./views/text";

export interface Confirmation {
  client: SlackClient;
  notifier: Pick<ConcernNotifier, "direct">;
  metadata: FormMetadata;
  userId: string;
  /** How the submitter chose to be identified (a supporter's choice, not the reporter's). */
  mode: IdentityMode;
  result: Exclude<SubmissionResult, { kind: "rate_limited" }>;
}

/**
 * Tells the reporter it worked: ephemerally where they raised it (the shortcut's response URL,
 * which reaches private channels the bot is not in, else chat.postEphemeral), otherwise by DM.
 * Anonymous reporters never get a DM: a DM is kept in Slack and would tie them to the concern;
 * they already saw the confirmation in the modal.
 */
export async function confirmToReporter(confirmation: Confirmation): Promise<void> {
  const { metadata, result, client, userId } = confirmation;
  const message = submittedMessage(result);
  if (metadata.responseUrl && (await postToResponseUrl(metadata.responseUrl, message))) return;
  if (metadata.channel) {
    try {
      await client.chat.postEphemeral({ channel: metadata.channel, user: userId, ...message });
      return;
    } catch {
      // Not in that channel: fall through to a DM where one is acceptable.
    }
  }
  if (confirmation.mode !== "anonymous")
    await confirmation.notifier.direct(result.concern.workspaceId, userId, message, reference(result.concern));
}

async function postToResponseUrl(url: string, message: { text: string; blocks: unknown[] }): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ response_type: "ephemeral", replace_original: false, ...message }),
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}
