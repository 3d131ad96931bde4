import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";

/**
 * What is in flight in this process: HTTP requests not yet answered and Bolt handlers not yet
 * finished (a handler goes on after its ack). Once draining, readiness fails and new work is
 * turned away; `idle()` resolves when what was already in flight has finished.
 */
export class Drain {
  private requests = 0;
  private handlers = 0;
  private isDraining = false;
  private readonly waiting = new Set<() => void>();

  get draining(): boolean {
    return this.isDraining;
  }

  begin(): void {
    this.isDraining = true;
    this.wake();
  }

  /** Counts a request until the returned function is called (once). */
  requestStarted(): () => void {
    this.requests += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.requests -= 1;
      this.wake();
    };
  }

  /** Bolt global middleware: each handler counts until its listeners have finished. */
  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    this.handlers += 1;
    try {
      await next();
    } finally {
      this.handlers -= 1;
      this.wake();
    }
  };

  get inFlight(): { requests: number; handlers: number } {
    return { requests: this.requests, handlers: this.handlers };
  }

  /** Resolves true once nothing is in flight, or false after `timeoutMs`. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.requests === 0 && this.handlers === 0) return true;
    return new Promise((resolve) => {
      const check = () => {
        if (this.requests > 0 || this.handlers > 0) return;
        finish(true);
      };
      const finish = (idle: boolean) => {
        clearTimeout(timer);
        this.waiting.delete(check);
        resolve(idle);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      this.waiting.add(check);
    });
  }

  private wake(): void {
    for (const check of [...this.waiting]) check();
  }
}
