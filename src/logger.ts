import type { Logger as BoltLogger, LogLevel } from "@slack/bolt";
import { currentRequest } from "./request-context";

/** Bolt's log levels as the strings they are ("debug" ... "error"). */
type Level = `${LogLevel}`;

/** Where log lines go: stderr in production, an array in tests that search the logs. */
export type LogSink = (line: string) => void;

const ORDER: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

// Tokens, signing secrets and bearer headers must never reach a log line.
const SECRET_PATTERNS: RegExp[] = [
  /xox[abpers]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /(signing[_ ]?secret["':= ]+)[0-9a-f]{16,}/gi,
  /(authorization["':= ]+bearer )\S+/gi,
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce(
    (result, pattern) =>
      result.replace(pattern, (_match, prefix?: string) =>
        typeof prefix === "string" ? `${prefix}[redacted]` : "[redacted]",
      ),
    text,
  );
}

// Slack's SDKs log whole request and response bodies at debug level. Those carry message text,
// concerns and the user ids of people who asked not to be identified, so the bodies are withheld.
const PAYLOAD_PATTERNS: RegExp[] = [
  /^(http request (?:body|result): ).*$/s,
  /^(ack\(\) (?:call begins|response stored|response sent) \(body: ).*(\))$/s,
];

export function withholdPayloads(text: string): string {
  return PAYLOAD_PATTERNS.reduce(
    (result, pattern) =>
      result.replace(
        pattern,
        (_match, prefix: string, suffix?: string) => `${prefix}[withheld]${typeof suffix === "string" ? suffix : ""}`,
      ),
    text,
  );
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** A small structured logger that Bolt can use too; every line is redacted before it is written. */
export class Logger implements BoltLogger {
  private level: Level;
  private name = "localism";

  constructor(
    level: Level = "info",
    private readonly sink: LogSink = (line) => process.stderr.write(`${line}\n`),
  ) {
    this.level = level;
  }

  debug(...msg: unknown[]): void {
    this.write("debug", msg);
  }
  info(...msg: unknown[]): void {
    this.write("info", msg);
  }
  warn(...msg: unknown[]): void {
    this.write("warn", msg);
  }
  error(...msg: unknown[]): void {
    this.write("error", msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level as LogLevel;
  }
  setName(name: string): void {
    this.name = name;
  }

  private write(level: Level, msg: unknown[]): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const text = withholdPayloads(redactSecrets(msg.map(describe).join(" ")));
    const request = currentRequest();
    const context = request ? { requestId: request.requestId, workspaceId: request.workspaceId } : {};
    this.sink(JSON.stringify({ time: new Date().toISOString(), level, name: this.name, ...context, msg: text }));
  }
}
