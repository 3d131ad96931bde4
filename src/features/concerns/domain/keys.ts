import { createHash, createHmac } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import type { NewConcern } from "./records";

/**
 * Keyed hashes that let the database recognise something again without holding it: the same
 * source message (even when its link is not kept) and the same modal submission. Keyed with the
 * server's pepper, so a copy of the database cannot be used to test guesses.
 */
export function keyedHash(pepper: string, purpose: "source" | "submission" | "checkin", ...parts: string[]): string {
  return createHmac("sha256", pepper)
    .update(`localism-bot/${purpose}/v1:${parts.join("\u0000")}`, "utf8")
    .digest("hex");
}

type HashedContent = Pick<
  NewConcern,
  "id" | "whatHappened" | "objective" | "body" | "impact" | "reporter" | "source" | "createdAt"
>;

/**
 * sha256 of what was reported, kept in the audit chain's "submit" entry, so `audit verify` also
 * notices a concern whose text, classification, reporter or source was edited in the database.
 */
export function concernContentHash(concern: HashedContent): string {
  const reporter =
    concern.reporter.mode === "anonymous"
      ? { mode: "anonymous" }
      : { mode: concern.reporter.mode, userId: concern.reporter.userId };
  const content = {
    id: concern.id,
    whatHappened: concern.whatHappened,
    objective: concern.objective,
    body: concern.body,
    impact: concern.impact,
    reporter,
    source: concern.source,
    createdAt: concern.createdAt,
  };
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

const CONTENT_NOTE_PREFIX = "content sha256:";

export function contentNote(hash: string): string {
  return `${CONTENT_NOTE_PREFIX}${hash}`;
}

export function contentHashFromNote(note: string | null | undefined): string | null {
  return note?.startsWith(CONTENT_NOTE_PREFIX) ? note.slice(CONTENT_NOTE_PREFIX.length) : null;
}
