import { randomBytes, randomUUID } from "node:crypto";
import type { Clock } from "./clock";

/**
 * Hands out Slack-looking identifiers. Object ids are sequential so test output is readable;
 * message timestamps follow the injected clock and never repeat, as Slack's `ts` never does.
 */
export class IdFactory {
  private counters = new Map<string, number>();
  private lastTsMicros = 0;

  constructor(private readonly clock: Clock) {}

  /** e.g. next("C") -> "C0L000001". */
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}0L${String(n).padStart(6, "0")}`;
  }

  /** A message timestamp "1712345678.000123", strictly increasing (`at`: a backdated one, for history). */
  ts(at: Date = this.clock.now()): string {
    const micros = Math.max(at.getTime() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    return formatTs(micros);
  }

  /** Slack's documented trigger_id format: "132456.7890123.abcdef". */
  triggerId(): string {
    const n = (this.counters.get("trigger") ?? 0) + 1;
    this.counters.set("trigger", n);
    return `${this.clock.now().getTime()}${n}.${7_890_123}.${secret(16)}`;
  }

  viewHash(): string {
    return `${Math.floor(this.clock.now().getTime() / 1000)}.${secret(4)}`;
  }

  eventId(): string {
    return `Ev${this.next("E").slice(1)}`;
  }

  /** The uuid Slack's clients put on what people type (client_msg_id). */
  clientMessageId(): string {
    return randomUUID();
  }

  secret(bytes = 16): string {
    return secret(bytes);
  }
}

function secret(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

function formatTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = String(micros % 1_000_000).padStart(6, "0");
  return `${seconds}.${fraction}`;
}

/** Unix seconds of a Slack ts ("1712345678.000123" -> 1712345678). */
export function tsSeconds(ts: string): number {
  return Number.parseInt(ts.split(".")[0] ?? "0", 10);
}
