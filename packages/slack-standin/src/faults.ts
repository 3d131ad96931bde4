import type { Clock } from "./clock";

/**
 * A failure to answer instead of the normal result. Combine `delayMs` with the others, or use it
 * alone to answer normally but late.
 */
export interface InjectedFailure {
  /** Answer HTTP 200 `{ ok: false, error }`. */
  error?: string;
  /** Answer with this HTTP status; 429 comes with `Retry-After` like Slack's rate limiting. */
  status?: number;
  /** Seconds for `Retry-After` with status 429 (default 1). */
  retryAfter?: number;
  delayMs?: number;
  /**
   * Never answer, and do nothing: a request lost on the way, the connection left open until the caller
   * gives up (or the stand-in closes). Recorded with status 0.
   */
  hang?: boolean;
  /**
   * With `delayMs`: do what the call asks at once, then answer late (or, with a long delay, in
   * practice never): the app's call succeeded but it never learns so.
   */
  effectFirst?: boolean;
  /** How many calls in a row fail this way (default 1). */
  times?: number;
}

export interface RateLimitRule {
  /** chat.postMessage is limited to about 1 message per second per channel. */
  perChannelPerSecond?: number;
  /** Tier-style limit for the method across the workspace. */
  perMinute?: number;
}

interface Window {
  key: string;
  limit: number;
  spanMs: number;
}

/** failNext() queues and rate-limit windows, timed by the stand-in's clock. */
export class FaultInjector {
  private readonly queued = new Map<string, InjectedFailure[]>();
  private readonly rules = new Map<string, RateLimitRule>();
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  /** `method` may be "*" to hit whichever method is called next. */
  failNext(method: string, failure: InjectedFailure): void {
    const list = this.queued.get(method) ?? [];
    list.push({ ...failure, times: failure.times ?? 1 });
    this.queued.set(method, list);
  }

  takeFailure(method: string): InjectedFailure | undefined {
    for (const key of [method, "*"]) {
      const list = this.queued.get(key);
      const head = list?.[0];
      if (!list || !head) continue;
      head.times = (head.times ?? 1) - 1;
      if (head.times <= 0) list.shift();
      return head;
    }
    return undefined;
  }

  pending(method: string): number {
    return (this.queued.get(method) ?? []).reduce((sum, failure) => sum + (failure.times ?? 1), 0);
  }

  rateLimit(method: string, rule: RateLimitRule): void {
    this.rules.set(method, rule);
  }

  /** Counts the call if allowed; otherwise returns the seconds Slack would put in Retry-After. */
  overLimit(method: string, channel: string | undefined): number | undefined {
    const windows = this.windowsFor(method, channel);
    const now = this.clock.now().getTime();
    for (const w of windows) {
      const recent = (this.hits.get(w.key) ?? []).filter((t) => now - t < w.spanMs);
      this.hits.set(w.key, recent);
      const oldest = recent[0];
      if (recent.length >= w.limit && oldest !== undefined)
        return Math.max(1, Math.ceil((oldest + w.spanMs - now) / 1000));
    }
    for (const w of windows) this.hits.get(w.key)?.push(now);
    return undefined;
  }

  clear(): void {
    this.queued.clear();
    this.rules.clear();
    this.hits.clear();
  }

  private windowsFor(method: string, channel: string | undefined): Window[] {
    const rule = this.rules.get(method);
    if (!rule) return [];
    const windows: Window[] = [];
    if (rule.perChannelPerSecond !== undefined) {
      windows.push({ key: `${method}#${channel ?? "-"}`, limit: rule.perChannelPerSecond, spanMs: 1_000 });
    }
    if (rule.perMinute !== undefined) windows.push({ key: method, limit: rule.perMinute, spanMs: 60_000 });
    return windows;
  }
}
