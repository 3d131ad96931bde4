import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { wellFormed } from "./format";

const LONE_SURROGATE = /[\uD800-\uDFFF]/;

/** Every string in a parsed request made well-formed in place, so no listener sees a lone surrogate. */
export function makeWellFormed(body: unknown): void {
  const pending: unknown[] = [body];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next === null || typeof next !== "object") continue;
    const container = next as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const value = container[key];
      if (typeof value === "string") {
        if (LONE_SURROGATE.test(value)) container[key] = wellFormed(value);
      } else if (value !== null && typeof value === "object") {
        pending.push(value);
      }
    }
  }
}

/**
 * Slash command text, typed form values, event text and action values may carry lone UTF-16
 * surrogates (Slack passes them through JSON escapes); they cannot be stored in PostgreSQL or sent
 * back to Slack, so each is replaced with U+FFFD before any listener runs.
 */
export const wellFormedInput: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  makeWellFormed(body);
  await next();
};
