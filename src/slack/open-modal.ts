import { type App, webApi } from "@slack/bolt";
import type { View } from "@slack/types";
import type { Logger } from "../logger";

type SlackClient = App["client"];

/**
 * A trigger_id lasts 3 seconds from when Slack sent it. views.open gets at most this long, once:
 * a retry (or a slow answer) after that can only fail with expired_trigger_id.
 */
export const TRIGGER_BUDGET_MS = 2_500;

/** Where to tell the person who pressed the button if their modal cannot open. */
export interface ModalRequester {
  userId: string;
  /** The channel they pressed it in, if any (for chat.postEphemeral). */
  channelId?: string | null;
  /** The response URL Slack gave with the command, shortcut or button, if any. */
  responseUrl?: string | null;
}

export interface OpenModal {
  triggerId: string;
  view: View;
  who: ModalRequester;
  /** How to try again, as the person would do it: "Run `/concerns new` again." */
  retry: string;
  logger?: Logger;
}

export type ModalOutcome = { ok: true; viewId: string | null } | { ok: false; code: string; message: string };

const triggerClients = new WeakMap<SlackClient, webApi.WebClient>();

/** The listener's client (its token and API address) without retries and with the trigger's time limit. */
function triggerClient(client: SlackClient): webApi.WebClient {
  let bounded = triggerClients.get(client);
  if (!bounded) {
    bounded = new webApi.WebClient(client.token, {
      slackApiUrl: client.slackApiUrl,
      timeout: TRIGGER_BUDGET_MS,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      // Failures are reported by openModal, with their code and nothing of the view.
      logLevel: webApi.LogLevel.ERROR,
    });
    triggerClients.set(client, bounded);
  }
  return bounded;
}

/** Why a modal did not open, in words for the person who asked for it, with how to try again. */
export function modalFailureText(code: string, retry: string): string {
  const why =
    code === "expired_trigger_id" || code === "timeout"
      ? "Slack took too long to open it (a form has to open within 3 seconds of the click)."
      : code === "ratelimited"
        ? "Slack is handling too many requests from the bot just now."
        : code.startsWith("http_5") || code === "internal_error" || code === "fatal_error"
          ? "Slack had a problem on its side."
          : "Slack refused to open it.";
  const wait = code === "ratelimited" ? " in a minute" : "";
  return `Sorry, the form could not open: ${why} Nothing has been recorded. Please try again${wait}: ${retry}`;
}

function codeOf(error: unknown): string {
  if (error instanceof webApi.WebAPIRateLimitedError) return "ratelimited";
  if (error instanceof webApi.WebAPIPlatformError) return error.data.error;
  if (error instanceof webApi.WebAPIHTTPError) return `http_${error.statusCode}`;
  const message = error instanceof Error ? error.message : String(error);
  return /timeout|aborted/i.test(message) ? "timeout" : "request_failed";
}

/**
 * views.open once, within the trigger's life. When it fails the person is told why and how to try
 * again (see tellRequester); the outcome says whether it opened.
 */
export async function openModal(client: SlackClient, request: OpenModal): Promise<ModalOutcome> {
  try {
    const opened = await triggerClient(client).views.open({ trigger_id: request.triggerId, view: request.view });
    return { ok: true, viewId: opened.view?.id ?? null };
  } catch (error) {
    const code = codeOf(error);
    const message = modalFailureText(code, request.retry);
    request.logger?.warn(`A modal could not open: ${code}`);
    await tellRequester(client, request.who, message, request.logger);
    return { ok: false, code, message };
  }
}

/**
 * An ephemeral note for one person: through the response URL when Slack gave one (it reaches
 * private channels and DMs the bot is not in), else chat.postEphemeral in their channel, else a DM.
 */
export async function tellRequester(
  client: SlackClient,
  who: ModalRequester,
  text: string,
  logger?: Logger,
): Promise<boolean> {
  const blocks = [{ type: "section", text: { type: "mrkdwn", text } }];
  if (who.responseUrl) {
    try {
      const response = await fetch(who.responseUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ response_type: "ephemeral", replace_original: false, text, blocks }),
        signal: AbortSignal.timeout(5_000),
      });
      if (response.ok) return true;
    } catch {
      // Expired or unreachable: try the other ways.
    }
  }
  if (who.channelId) {
    try {
      await client.chat.postEphemeral({ channel: who.channelId, user: who.userId, text, blocks });
      return true;
    } catch {
      // Not in that channel: a DM instead.
    }
  }
  try {
    await client.chat.postMessage({ channel: who.userId, text, blocks });
    return true;
  } catch (error) {
    logger?.warn(`Could not tell someone their modal did not open: ${codeOf(error)}`);
    return false;
  }
}
