import { setTimeout as sleep } from "node:timers/promises";
import type { StandinContext } from "../context";
import { SlackApiError } from "../errors";
import type { InjectedFailure } from "../faults";
import type { Params } from "./params";
import { methodTable } from "./registry";
import type { MethodHandler } from "./types";

export interface ApiRequest {
  method: string;
  params: Params;
  /** From `Authorization: Bearer ...`, or the `token` argument of a form-encoded call. */
  token?: string;
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** Answers one Web API call the way Slack would, applying injected faults, and records it. */
export async function answerApiCall(ctx: StandinContext, request: ApiRequest): Promise<ApiAnswer> {
  const failure = ctx.faults.takeFailure(request.method);
  if (failure?.hang) {
    ctx.recorder.record({
      method: request.method,
      params: request.params,
      token: request.token,
      at: ctx.clock.now(),
      status: 0,
      response: {},
    });
    return new Promise<ApiAnswer>(() => undefined);
  }
  const effectFirst = failure?.effectFirst === true && !failure.status && !failure.error;
  if (failure?.delayMs && !effectFirst) await sleep(failure.delayMs);
  const answer = failure && (failure.status || failure.error) ? injected(failure) : answerNormally(ctx, request);
  if (failure?.delayMs && effectFirst) await sleep(failure.delayMs);
  ctx.recorder.record({
    method: request.method,
    params: request.params,
    token: request.token,
    at: ctx.clock.now(),
    status: answer.status,
    response: answer.body,
  });
  return answer;
}

/** Methods that take the app-level token (xapp-) rather than the bot token. */
const APP_LEVEL_METHODS = new Set(["apps.connections.open"]);
/** Methods called with the app's client id and secret instead of a token. */
const TOKENLESS_METHODS = new Set(["oauth.v2.access"]);

function answerNormally(root: StandinContext, request: ApiRequest): ApiAnswer {
  const handler = methodTable[request.method];
  if (!handler) return ok200({ ok: false, error: "unknown_method", req_method: request.method });
  if (TOKENLESS_METHODS.has(request.method)) return answerWith(root, handler, request);
  if (!request.token) return ok200({ ok: false, error: "not_authed" });
  const appLevel = APP_LEVEL_METHODS.has(request.method);
  if (appLevel !== request.token.startsWith("xapp-")) return ok200({ ok: false, error: "not_allowed_token_type" });
  if (root.revokedTokens.has(request.token)) return ok200({ ok: false, error: "token_revoked" });
  // Each workspace answers for its own bot token: its people, channels and messages only.
  const ctx = appLevel ? root : (root.workspaceOfToken(request.token) ?? root);
  if (request.token !== (appLevel ? ctx.appToken : ctx.token)) return ok200({ ok: false, error: "invalid_auth" });
  const channel = typeof request.params.channel === "string" ? request.params.channel : undefined;
  const retryAfter = ctx.faults.overLimit(request.method, channel);
  if (retryAfter !== undefined) return rateLimited(retryAfter);
  return answerWith(ctx, handler, request);
}

function answerWith(ctx: StandinContext, handler: MethodHandler, request: ApiRequest): ApiAnswer {
  try {
    return ok200({ ok: true, ...handler(ctx, request.params) });
  } catch (error) {
    if (error instanceof SlackApiError) return ok200(error.toResponse());
    throw error;
  }
}

function injected(failure: InjectedFailure): ApiAnswer {
  if (failure.status === 429) return rateLimited(failure.retryAfter ?? 1);
  if (failure.status && failure.status !== 200) {
    return { status: failure.status, headers: {}, body: { ok: false, error: failure.error ?? "internal_error" } };
  }
  return ok200({ ok: false, error: failure.error });
}

function rateLimited(retryAfterSec: number): ApiAnswer {
  return { status: 429, headers: { "retry-after": String(retryAfterSec) }, body: { ok: false, error: "ratelimited" } };
}

function ok200(body: Record<string, unknown>): ApiAnswer {
  return { status: 200, headers: {}, body };
}
