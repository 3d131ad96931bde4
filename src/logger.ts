import { createRequire } from "node:module";
import type { Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { LogFormat } from "./config";
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
  /(client[_ ]?secret["':= ]+)[0-9a-f]{16,}/gi,
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

/**
 * Fields whose values never reach a log line, wherever they sit in an object that is logged:
 * credentials, keys, and what people wrote (message text, blocks, a modal's state, concerns).
 */
const SECRET_KEYS = [
  "token",
  "bot_token",
  "botToken",
  "access_token",
  "refresh_token",
  "app_token",
  "appToken",
  "signing_secret",
  "signingSecret",
  "client_secret",
  "clientSecret",
  "secret",
  "password",
  "pepper",
  "encryption_key",
  "encryptionKey",
  "authorization",
  "cookie",
];
const TEXT_KEYS = [
  "text",
  "blocks",
  "attachments",
  "message",
  "messages",
  "view",
  "state",
  "values",
  "payload",
  "body",
];
const WITHHELD_KEYS = new Set([...SECRET_KEYS, ...TEXT_KEYS].map((key) => key.toLowerCase()));
const CENSOR = "[redacted]";

/** pino's redact paths for the same fields, in the places this logger puts objects. */
export const REDACT_PATHS = [...SECRET_KEYS, ...TEXT_KEYS].flatMap((key) => [
  `data.${key}`,
  `data.*.${key}`,
  `data.*.*.${key}`,
  `error.${key}`,
]);

function withholdFields(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[nested]";
  if (typeof value === "string") return withholdPayloads(redactSecrets(value));
  if (Array.isArray(value)) return value.map((item) => withholdFields(item, depth + 1));
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      WITHHELD_KEYS.has(key.toLowerCase()) ? CENSOR : withholdFields(field, depth + 1),
    ]),
  );
}

/** An error as a log line shows it: its kind, message and code, never the request or response it may carry. */
function errorFields(error: Error): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: withholdPayloads(redactSecrets(error.message)),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
  };
}

interface Entry {
  level: Level;
  name: string;
  msg: string;
  requestId?: string;
  workspaceId?: string | null;
  error?: Record<string, unknown>;
  data?: unknown;
}

function entryOf(level: Level, name: string, args: unknown[]): Entry {
  const words: string[] = [];
  const objects: unknown[] = [];
  let err: Record<string, unknown> | undefined;
  for (const arg of args) {
    if (arg instanceof Error) {
      err ??= errorFields(arg);
      words.push(`${arg.name}: ${String(err.message)}`);
    } else if (typeof arg === "object" && arg !== null) objects.push(withholdFields(arg));
    else words.push(withholdPayloads(redactSecrets(String(arg))));
  }
  const request = currentRequest();
  return {
    level,
    name,
    msg: words.join(" "),
    ...(request ? { requestId: request.requestId, workspaceId: request.workspaceId } : {}),
    ...(err ? { error: err } : {}),
    ...(objects.length > 0 ? { data: objects.length === 1 ? objects[0] : objects } : {}),
  };
}

/** The part of pino used here (an optional dependency, loaded on the first JSON line). */
interface PinoModule {
  (options: Record<string, unknown>, stream: { write(line: string): void }): PinoInstance;
  stdTimeFunctions: { isoTime: () => string };
}
type PinoInstance = Record<Level, (fields: Record<string, unknown>, msg: string) => void>;

type JsonWriter = (entry: Entry) => void;

function builtInJson(sink: LogSink): JsonWriter {
  return ({ level, name, msg, ...rest }) =>
    sink(JSON.stringify({ time: new Date().toISOString(), level, name, ...contextOf(rest), msg, ...fieldsOf(rest) }));
}

function pinoJson(sink: LogSink): JsonWriter | null {
  let pino: PinoModule;
  try {
    pino = createRequire(import.meta.url)("pino") as PinoModule;
  } catch {
    return null;
  }
  const instance = pino(
    {
      level: "debug",
      base: null,
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label: string) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: CENSOR },
    },
    { write: (line) => sink(line.replace(/\n$/, "")) },
  );
  return ({ level, name, msg, ...rest }) => instance[level]({ name, ...contextOf(rest), ...fieldsOf(rest) }, msg);
}

function contextOf(entry: Partial<Entry>): Record<string, unknown> {
  return "requestId" in entry ? { requestId: entry.requestId, workspaceId: entry.workspaceId } : {};
}

function fieldsOf(entry: Partial<Entry>): Record<string, unknown> {
  return { ...(entry.error ? { error: entry.error } : {}), ...(entry.data !== undefined ? { data: entry.data } : {}) };
}

/** One readable line: time, level, request (short id and workspace), message, then any fields. */
function pretty(sink: LogSink): JsonWriter {
  return (entry) => {
    const time = new Date().toISOString().slice(11, 23);
    const request = entry.requestId ? ` [${entry.requestId.slice(0, 8)} ${entry.workspaceId ?? "-"}]` : "";
    const fields = fieldsOf(entry);
    const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
    sink(`${time} ${entry.level.toUpperCase().padEnd(5)} ${entry.name}${request} ${entry.msg}${extra}`);
  };
}

export interface LoggerOptions {
  /** pretty: one readable line per entry; json: one JSON object per line. Default: pretty on a terminal, else json. */
  format?: LogFormat | null;
  /** JSON lines written by pino when installed (the default), or by this module. */
  engine?: "pino" | "built-in";
}

const toStderr: LogSink = (line) => process.stderr.write(`${line}\n`);

/**
 * The bot's logger, which Bolt uses too. Every entry is redacted before it is written: secrets in
 * text, and credential and message-text fields of logged objects; the request id and workspace id
 * of the request being handled are on each line.
 */
export class Logger implements BoltLogger {
  private level: Level;
  private name = "localism";
  private writer: JsonWriter | undefined;

  constructor(
    level: Level = "info",
    private readonly sink: LogSink = toStderr,
    private readonly options: LoggerOptions = {},
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
    this.writer ??= this.createWriter();
    this.writer(entryOf(level, this.name, msg));
  }

  /** Chosen on the first entry written, so a command that logs nothing never loads pino. */
  private createWriter(): JsonWriter {
    const format = this.options.format ?? (this.sink === toStderr && process.stderr.isTTY ? "pretty" : "json");
    if (format === "pretty") return pretty(this.sink);
    return (this.options.engine !== "built-in" && pinoJson(this.sink)) || builtInJson(this.sink);
  }
}
