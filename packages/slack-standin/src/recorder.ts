export interface RecordedCall {
  /** Position in the log (0-based): lets a test wait only for calls after a given point. */
  seq: number;
  method: string;
  params: Record<string, unknown>;
  /** The token the caller presented, if any. */
  token?: string;
  at: Date;
  /** HTTP status the stand-in answered with. */
  status: number;
  response: Record<string, unknown>;
}

export type CallPredicate = (call: RecordedCall) => boolean;

interface Waiter {
  method: string;
  predicate: CallPredicate;
  resolve: (call: RecordedCall) => void;
}

/** Every Web API call the stand-in answered, in order, plus waiting for one to arrive. */
export class CallRecorder {
  private readonly log: RecordedCall[] = [];
  private waiters: Waiter[] = [];

  get calls(): readonly RecordedCall[] {
    return this.log;
  }

  record(call: Omit<RecordedCall, "seq">): RecordedCall {
    const recorded: RecordedCall = { ...call, seq: this.log.length };
    this.log.push(recorded);
    const due = this.waiters.filter((w) => matches(w.method, w.predicate, recorded));
    this.waiters = this.waiters.filter((w) => !due.includes(w));
    for (const waiter of due) waiter.resolve(recorded);
    return recorded;
  }

  callsTo(method: string): RecordedCall[] {
    return this.log.filter((c) => c.method === method);
  }

  /**
   * Resolves with the first matching call, already recorded or still to come: the bot usually
   * calls Slack after it has acked, so the call may land before or after the test starts waiting.
   */
  waitForCall(method: string, predicate: CallPredicate = () => true, timeoutMs = 2_000): Promise<RecordedCall> {
    const existing = this.log.find((c) => matches(method, predicate, c));
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`No ${method} call within ${timeoutMs} ms; calls seen: ${this.summary()}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private summary(): string {
    if (this.log.length === 0) return "none";
    return this.log
      .map((c) => `${c.method}${c.response.ok === false ? `(${String(c.response.error)})` : ""}`)
      .join(", ");
  }
}

function matches(method: string, predicate: CallPredicate, call: RecordedCall): boolean {
  return call.method === method && predicate(call);
}
