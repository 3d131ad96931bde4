import { createHmac, randomBytes } from "node:crypto";

export interface AnonymousRateLimitOptions {
  /** Submissions allowed per window. */
  limit: number;
  windowMs: number;
  /** How long one HMAC key lives; must be at least the window (see below). */
  keyRotationMs: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAt: Date };

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_ANONYMOUS_LIMIT: AnonymousRateLimitOptions = { limit: 3, windowMs: DAY_MS, keyRotationMs: DAY_MS };

interface Epoch {
  key: Buffer;
  /** HMAC(user id) -> submission times (ms). Never the raw user id. */
  submissions: Map<string, number[]>;
}

/**
 * Limits anonymous submissions per person without keeping who they are. Users are tracked only by
 * an HMAC under a random key that exists in memory alone and is replaced every `keyRotationMs`
 * (epochs counted from the Unix epoch, by the injected `now`). The previous epoch's key and counts
 * are kept for one more period, so a person cannot reset their allowance by waiting for the
 * rotation; after that both are dropped, which is safe because the window is no longer than an
 * epoch. A restart forgets everything, which is accepted: the limit only curbs floods.
 */
export class AnonymousRateLimiter {
  private readonly epochs = new Map<number, Epoch>();
  private readonly options: AnonymousRateLimitOptions;

  constructor(options: Partial<AnonymousRateLimitOptions> = {}) {
    this.options = { ...DEFAULT_ANONYMOUS_LIMIT, ...options };
    const { limit, windowMs, keyRotationMs } = this.options;
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a whole number of at least 1");
    if (!(windowMs > 0) || keyRotationMs < windowMs) {
      throw new RangeError("windowMs must be positive and no longer than keyRotationMs");
    }
  }

  /** Decides, and when allowed counts the submission; `limit` is the workspace's own, where it has one. */
  check(userId: string, now: Date, limit: number = this.options.limit): RateLimitDecision {
    const at = now.getTime();
    const current = this.epochAt(at);
    this.forgetOldEpochs(current);
    const since = at - this.options.windowMs;
    const recent = [current - 1, current]
      .flatMap((index) => this.submissionsOf(index, userId))
      .filter((time) => time > since)
      .sort((a, b) => a - b);
    if (recent.length >= limit) {
      const oldestCounted = recent[recent.length - limit] ?? at;
      return { allowed: false, retryAt: new Date(oldestCounted + this.options.windowMs) };
    }
    this.record(current, userId, at, since);
    return { allowed: true };
  }

  private epochAt(at: number): number {
    return Math.floor(at / this.options.keyRotationMs);
  }

  private forgetOldEpochs(current: number): void {
    for (const index of this.epochs.keys()) {
      if (index < current - 1) this.epochs.delete(index);
    }
  }

  private submissionsOf(index: number, userId: string): number[] {
    const epoch = this.epochs.get(index);
    return epoch?.submissions.get(pseudonym(epoch.key, userId)) ?? [];
  }

  private record(index: number, userId: string, at: number, since: number): void {
    const epoch = this.epoch(index);
    const id = pseudonym(epoch.key, userId);
    const kept = (epoch.submissions.get(id) ?? []).filter((time) => time > since);
    epoch.submissions.set(id, [...kept, at]);
  }

  private epoch(index: number): Epoch {
    const existing = this.epochs.get(index);
    if (existing) return existing;
    const created = { key: randomBytes(32), submissions: new Map<string, number[]>() };
    this.epochs.set(index, created);
    return created;
  }
}

function pseudonym(key: Buffer, userId: string): string {
  return createHmac("sha256", key).update(userId, "utf8").digest("base64url");
}
