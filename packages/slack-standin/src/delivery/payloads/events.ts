import { renderView } from "../../api/render";
import type { StandinContext } from "../../context";
import { requireUser } from "./common";

/** An inner Events API event; `type` plus whatever fields that event has. */
export interface EventInput {
  type: string;
  [field: string]: unknown;
}

export interface EnvelopeOptions {
  /** Reuse an earlier delivery's event_id, as Slack does when it retries. */
  eventId?: string;
}

/** The `event_callback` envelope Slack posts to the Request URL. */
export function buildEventCallback(ctx: StandinContext, input: EventInput, options: EnvelopeOptions = {}) {
  const eventTs = typeof input.event_ts === "string" ? input.event_ts : ctx.ids.ts();
  const event: Record<string, unknown> = { ...enrich(ctx, input, eventTs), event_ts: eventTs };
  return {
    token: ctx.verificationToken,
    team_id: ctx.team.id,
    api_app_id: ctx.app.appId,
    event,
    type: "event_callback",
    event_id: options.eventId ?? ctx.ids.eventId(),
    event_time: Math.floor(ctx.clock.now().getTime() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: ctx.team.id,
        user_id: ctx.app.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${ctx.ids.secret(8)}`,
  };
}

/** Fills what Slack would: app_home_opened gets the DM channel, the tab and the published Home view. */
function enrich(ctx: StandinContext, input: EventInput, eventTs: string): Record<string, unknown> {
  if (input.type === "app_home_opened") {
    const user = requireUser(ctx, String(input.user));
    const tab = input.tab ?? "home";
    const home = ctx.views.homeOf(user.id);
    return {
      ...input,
      channel: input.channel ?? ctx.workspace.dmWith(user.id).id,
      tab,
      ...(tab === "home" && home ? { view: renderView(ctx, home) } : {}),
    };
  }
  if (input.type === "message" || input.type === "app_mention") return { ts: eventTs, ...input };
  return input;
}

/** Sent once when the Request URL is saved; the app must echo `challenge`. */
export function buildUrlVerification(ctx: StandinContext) {
  return { token: ctx.verificationToken, challenge: ctx.ids.secret(24), type: "url_verification" };
}
