import type { Clock } from "../clock";
import type { IdFactory } from "../ids";

/** Where a response_url's messages go, and which message it may replace or delete. */
export interface ResponseUrlTarget {
  channel: string;
  user: string;
  /** The message the interaction happened on, if any. */
  messageTs?: string;
  messageIsEphemeral?: boolean;
  thread_ts?: string;
}

export interface ResponseUrlLimits {
  maxUses: number;
  lifetimeMs: number;
}

interface IssuedResponseUrl extends ResponseUrlTarget {
  issuedAt: number;
  uses: number;
}

export type ResponseUrlUse =
  | { ok: true; target: ResponseUrlTarget }
  | { ok: false; error: "invalid_url" | "expired_url" | "used_url" };

/** response_urls: up to 5 uses within 30 minutes each (Slack's documented limits). */
export class ResponseUrlStore {
  private readonly urls = new Map<string, IssuedResponseUrl>();

  constructor(
    private readonly ids: IdFactory,
    private readonly clock: Clock,
    private readonly limits: ResponseUrlLimits,
  ) {}

  /** Returns the id to put in `/response/<id>`. */
  issue(target: ResponseUrlTarget): string {
    const id = this.ids.secret(12);
    this.urls.set(id, { ...target, issuedAt: this.clock.now().getTime(), uses: 0 });
    return id;
  }

  /** True when this store issued the id (each workspace issues its own). */
  issued(id: string): boolean {
    return this.urls.has(id);
  }

  use(id: string): ResponseUrlUse {
    const url = this.urls.get(id);
    if (!url) return { ok: false, error: "invalid_url" };
    if (this.clock.now().getTime() - url.issuedAt > this.limits.lifetimeMs) return { ok: false, error: "expired_url" };
    if (url.uses >= this.limits.maxUses) return { ok: false, error: "used_url" };
    url.uses += 1;
    return { ok: true, target: url };
  }
}
