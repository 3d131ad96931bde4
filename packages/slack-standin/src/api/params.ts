import { z } from "zod";
import { slackMessages } from "../blocks/issues";
import { refuse } from "../errors";

/** Arguments of a Web API call, as strings (form-encoded) or JSON values (application/json). */
export type Params = Record<string, unknown>;

/** "true"/"1" and "false"/"0" as form encoding sends them, or real booleans from JSON. */
export const boolArg = z.preprocess((v) => {
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  return v;
}, z.boolean());

export const intArg = z.coerce.number().int();

/** A non-empty string argument; empty strings count as absent, as Slack treats them. */
export const idArg = z.preprocess((v) => (v === "" ? undefined : v), z.string());

export const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

/** Validates a call's arguments; a mismatch is Slack's `invalid_arguments`. */
export function parseParams<T extends z.ZodType>(schema: T, params: Params): z.output<T> {
  const result = schema.safeParse(params, { reportInput: true });
  if (!result.success) return refuse("invalid_arguments", ...slackMessages(result.error.issues, ""));
  return result.data;
}

/** "U1,U2" (form) or ["U1","U2"] (JSON) -> ["U1","U2"]. */
export function listArg(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== "string" || value === "") return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
