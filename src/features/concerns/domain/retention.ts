import { tz } from "@date-fns/tz";
import { startOfDay, subYears } from "date-fns";
import type { ConcernStatus } from "./concern";
import { LONDON } from "./working-days";

export const DEFAULT_RETENTION_YEARS = 3;

export interface PurgeCandidate {
  status: ConcernStatus;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface PurgeSelection<T> {
  /** Resolved before the cutoff: delete, with an audit tombstone (see audit-purge.ts). */
  purge: T[];
  /** Older than the cutoff but not resolved (or resolved without a date): for a lead to decide. */
  needsReview: T[];
}

/** Start of the London day `retentionYears` before `now`: anything resolved before it is due. */
export function purgeCutoff(now: Date, retentionYears = DEFAULT_RETENTION_YEARS): Date {
  if (!Number.isInteger(retentionYears) || retentionYears < 1) {
    throw new RangeError(`Retention must be a whole number of years, at least 1, not ${retentionYears}`);
  }
  const inLondon = { in: tz(LONDON) };
  return new Date(startOfDay(subYears(now, retentionYears, inLondon), inLondon).getTime());
}

/**
 * The retention clock runs from resolution, as with other closed case records: a concern resolved
 * before the cutoff is purged. Unresolved concerns are never purged automatically, however old:
 * an open concern is someone's unanswered voice, and deleting it quietly would look like burying
 * it. Those raised before the cutoff are returned for review, so a lead resolves (or reopens the
 * conversation about) them first.
 */
export function selectForPurge<T extends PurgeCandidate>(concerns: readonly T[], cutoff: Date): PurgeSelection<T> {
  const purge: T[] = [];
  const needsReview: T[] = [];
  for (const concern of concerns) {
    if (concern.status === "resolved" && concern.resolvedAt) {
      if (concern.resolvedAt < cutoff) purge.push(concern);
    } else if (concern.createdAt < cutoff) {
      needsReview.push(concern);
    }
  }
  return { purge, needsReview };
}
