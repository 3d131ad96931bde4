import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";

/** The only reader of process.env: every setting is validated here, once, at start-up. */

const slackApiUrl = z
  .url({ message: "should be the Slack Web API base URL, like https://slack.com/api/" })
  .transform((url) => (url.endsWith("/") ? url : `${url}/`));

const databaseUrl = z.string().refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
  message: "should be a SQLite file (file:./data/localism.db) or a PostgreSQL URL (postgres://user:pass@host:5432/db)",
});

const optionalNonEmpty = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const wholeNumber = (name: string, min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ message: `should be ${name}, a whole number from ${min} to ${max}` })
      .int({ message: `should be ${name}, a whole number from ${min} to ${max}` })
      .min(min, { message: `should be ${name}, a whole number from ${min} to ${max}` })
      .max(max, { message: `should be ${name}, a whole number from ${min} to ${max}` })
      .default(fallback),
  );

const MIN_STATE_SECRET_CHARS = 32;

/** TOKEN_ENCRYPTION_KEY: one 32-byte key, or "new,old,..." (encrypt with the first, decrypt with any); null if malformed. */
export function parseEncryptionKeys(value: string): Buffer[] | null {
  const keys = value.split(",").map((part) => decodeKey(part.trim()));
  return keys.length > 0 && keys.every((key): key is Buffer => key !== null) ? keys : null;
}

function decodeKey(text: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, "hex");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  return bytes.length === 32 ? bytes : null;
}

// ---- Concerns ----
const MIN_PEPPER_CHARS = 32;
const concernSettings = {
  CONCERN_LEADS: optionalNonEmpty(
    z.string().regex(/^\s*[UW][A-Z0-9]{2,}(\s*,\s*[UW][A-Z0-9]{2,})*\s*$/, {
      message: "should be Slack user ids separated by commas, like U0123ABCD,U0456EFGH (profile > ⋮ > Copy member ID)",
    }),
  ),
  CONCERN_LEAD_GROUP: optionalNonEmpty(
    z.string().regex(/^S[A-Z0-9]{2,}$/, { message: "should be a Slack user group id starting with S, like S0123ABCD" }),
  ),
  CONCERN_DEPUTY: optionalNonEmpty(
    z.string().regex(/^[UWS][A-Z0-9]{2,}$/, {
      message:
        "should be the Slack user id (U0123ABCD) or user group id (S0123ABCD) who handles a concern every lead has recused from",
    }),
  ),
  CONCERN_TRIAGE_CHANNEL: optionalNonEmpty(
    z.string().regex(/^[CG][A-Z0-9]{2,}$/, {
      message: "should be a channel id starting with C or G, like C0123ABCD (channel details > About)",
    }),
  ),
  CONCERN_ACK_WORKING_DAYS: wholeNumber("the working days leads have to acknowledge a concern", 1, 20, 2),
  CONCERN_RETENTION_YEARS: wholeNumber("the years resolved concerns are kept", 1, 30, 3),
  CONCERN_ANONYMOUS_DAILY_LIMIT: wholeNumber("the anonymous submissions one person may make in 24 hours", 1, 100, 3),
  CONCERN_RECEIPT_PEPPER: optionalNonEmpty(
    z.string().min(MIN_PEPPER_CHARS, {
      message: `should be a secret of at least ${MIN_PEPPER_CHARS} random characters (openssl rand -hex 32)`,
    }),
  ),
  BANK_HOLIDAYS_FILE: z.string().min(1).default("reference/bank-holidays-england-and-wales.json"),
};

// ---- Policy leads: the knowledge owners who answer what the bot cannot ----
const knowledgeSettings = {
  KNOWLEDGE_OWNERS: optionalNonEmpty(
    z.string().regex(/^[SCG][A-Z0-9]{2,}$/, {
      message:
        "should be a user group id (S0123ABCD: each member is asked by direct message) or a channel id (C0123ABCD, or G… for a private channel: asked there)",
    }),
  ),
  KNOWLEDGE_REVIEW_MONTHS: wholeNumber("the months an approved answer stands before its review, like 12", 1, 60, 12),
};

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalNonEmpty(
    z.string().regex(/^xoxb-/, {
      message: "should be a bot token starting with xoxb- (Slack app settings > OAuth & Permissions)",
    }),
  ),
  SLACK_SIGNING_SECRET: optionalNonEmpty(
    z.string().regex(/^[0-9a-f]{16,}$/i, {
      message: "should be the app's signing secret, a hex string (Basic Information > App Credentials)",
    }),
  ),
  SLACK_APP_TOKEN: optionalNonEmpty(
    z.string().regex(/^xapp-/, {
      message:
        "should be an app-level token starting with xapp- with the connections:write scope (only for Socket Mode)",
    }),
  ),
  // --- Install mode: OAuth into many workspaces (no SLACK_BOT_TOKEN) ---
  SLACK_CLIENT_ID: optionalNonEmpty(
    z.string().regex(/^[0-9]+\.[0-9]+$/, {
      message: "should be the app's client ID, like 1234567890.1234567890 (Basic Information > App Credentials)",
    }),
  ),
  SLACK_CLIENT_SECRET: optionalNonEmpty(
    z.string().regex(/^[0-9a-f]{16,}$/i, {
      message: "should be the app's client secret, a hex string (Basic Information > App Credentials)",
    }),
  ),
  SLACK_STATE_SECRET: optionalNonEmpty(
    z.string().min(MIN_STATE_SECRET_CHARS, {
      message: `should be a secret of at least ${MIN_STATE_SECRET_CHARS} random characters (openssl rand -hex 32); it signs the OAuth state`,
    }),
  ),
  TOKEN_ENCRYPTION_KEY: optionalNonEmpty(
    z.string().refine((value) => parseEncryptionKeys(value) !== null, {
      message:
        "should be 32 random bytes in base64 or hex (openssl rand -base64 32), or a comma-separated list new,old while rotating keys",
    }),
  ),
  SLACK_AUTHORIZE_URL: z
    .url({ message: "should be Slack's authorize page, like https://slack.com/oauth/v2/authorize" })
    .default("https://slack.com/oauth/v2/authorize"),
  PORT: z.coerce
    .number({ message: "should be a port number, like 3000" })
    .int({ message: "should be a whole port number, like 3000" })
    .min(0, { message: "should be a port number between 0 and 65535" })
    .max(65535, { message: "should be a port number between 0 and 65535" })
    .default(3000),
  HOST: optionalNonEmpty(z.string()),
  DATABASE_URL: optionalNonEmpty(databaseUrl),
  SLACK_API_URL: slackApiUrl.default("https://slack.com/api/"),
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  LOG_LEVEL: optionalNonEmpty(
    z.enum(["debug", "info", "warn", "error"], { message: "should be one of debug, info, warn, error" }),
  ),
  LOG_FORMAT: optionalNonEmpty(
    z.enum(["pretty", "json"], {
      message: "should be pretty (one readable line per entry) or json (one JSON object per line, for log collectors)",
    }),
  ),
  // --- Operating several instances ---
  METRICS_PORT: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ message: "should be the port for GET /metrics, like 9464" })
      .int({ message: "should be a whole port number, like 9464" })
      .min(0, { message: "should be a port number between 0 and 65535" })
      .max(65535, { message: "should be a port number between 0 and 65535" })
      .optional(),
  ),
  METRICS_HOST: optionalNonEmpty(z.string()),
  METRICS_TOKEN: optionalNonEmpty(
    z.string().regex(/^[A-Za-z0-9._~+/=-]{24,}$/, {
      message: "should be a random secret of at least 24 characters (openssl rand -hex 32)",
    }),
  ),
  SHUTDOWN_GRACE_SECONDS: wholeNumber(
    "the seconds a stopping instance waits for requests and handlers in flight, like 20",
    1,
    600,
    20,
  ),
  SANDBOX_ALLOW_REMOTE: optionalNonEmpty(
    z.enum(["true", "false"], {
      message: "should be true or false (true lets the sandbox listen on an address other machines can reach)",
    }),
  ),
  // --- Minutes and digests ---
  MINUTES_POLL_INTERVAL_MINUTES: wholeNumber("the minutes between fetches of each source, like 60", 1, 7 * 24 * 60, 60),
  DIGEST_CHECK_INTERVAL_SECONDS: wholeNumber("the seconds between checks for due digests, like 60", 5, 3600, 60),
  DIGEST_DEFAULT_TIME: optionalNonEmpty(
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
      message: "should be a 24-hour time like 09:00 (used when /digest subscribe names no time)",
    }),
  ),
  FETCH_TIMEOUT_SECONDS: wholeNumber("the seconds a fetch may take, like 20", 1, 600, 20),
  SLACK_POST_TIMEOUT_SECONDS: wholeNumber("the seconds Slack may take to answer a digest post, like 15", 1, 120, 15),
  FETCH_MAX_MB: wholeNumber("the largest document to fetch in megabytes, like 20", 1, 500, 20),
  FETCH_MAX_REDIRECTS: wholeNumber("the redirects a fetch may follow, like 5", 0, 20, 5),
  FETCH_ALLOW_PRIVATE_HOSTS: z
    .enum(["true", "false"], {
      message:
        "should be true or false (true only for tests: it lets sources on loopback and private addresses be fetched)",
    })
    .default("false"),
  ...concernSettings,
  ...knowledgeSettings,
});

type Settings = z.infer<typeof envSchema>;

export type DatabaseProvider = "sqlite" | "postgres";

export type LogLevelName = "debug" | "info" | "warn" | "error";

export type LogFormat = "pretty" | "json";

export interface OpsSettings {
  /** GET /metrics on a port of its own; null: no metrics. */
  metrics: { port: number; host: string; token: string | null } | null;
  /** How long a stopping instance waits for what is in flight before closing anyway. */
  shutdownGraceMs: number;
}

export interface DatabaseSettings {
  url: string;
  provider: DatabaseProvider;
}

export interface SlackSettings {
  /** Single-token mode: one workspace's bot token. Null in install mode. */
  botToken: string | null;
  signingSecret: string;
  appToken?: string;
  apiUrl: string;
  /** Install mode: OAuth into any number of workspaces, tokens kept encrypted in the database. */
  install: InstallSettings | null;
}

export interface InstallSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** AES-256 keys: the first encrypts, any decrypts (rotation). */
  encryptionKeys: Buffer[];
  authorizeUrl: string;
}

export interface ConcernSettings {
  /** Slack user ids of concern leads, besides the members of `leadGroup`. */
  leads: string[];
  leadGroup: string | null;
  /** Who handles a concern once every lead has recused from it: a user, or the members of a user group. */
  deputy: ConcernDeputy | null;
  triageChannel: string | null;
  acknowledgeWithinWorkingDays: number;
  retentionYears: number;
  anonymousDailyLimit: number;
  /** Keys the hashes of receipt codes, sources and submissions; null only without Slack (the CLI). */
  receiptPepper: string | null;
  bankHolidaysFile: string;
}

export type ConcernDeputy = { kind: "user"; id: string } | { kind: "group"; id: string };

/** Who answers the questions the bot cannot (policy leads), and for how long their answers stand. */
export interface KnowledgeSettings {
  /** A user group (each member is asked by DM) or a channel (asked there); null: no policy leads. */
  owners: { kind: "usergroup" | "channel"; id: string } | null;
  reviewMonths: number;
}

export interface Config {
  slack: SlackSettings | null;
  port: number;
  host: string;
  database: DatabaseSettings;
  knowledgeDir: string;
  logLevel: LogLevelName;
  /** null: pretty on a terminal, JSON otherwise. */
  logFormat: LogFormat | null;
  ops: OpsSettings;
  minutes: MinutesSettings;
  concerns: ConcernSettings;
  knowledge: KnowledgeSettings;
}

/** Polling, fetching and digest scheduling. */
export interface MinutesSettings {
  pollIntervalMs: number;
  digestCheckIntervalMs: number;
  /** "HH:MM" used when `/digest subscribe` names no time; null: a time must be given. */
  defaultDigestTime: string | null;
  /** How long Slack may take to answer one digest post before it is given up and left to the outbox's retry. */
  postTimeoutMs: number;
  fetch: { timeoutMs: number; maxBytes: number; maxRedirects: number; allowPrivateHosts: boolean };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`localism-bot cannot start: its settings need attention.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export type Environment = Record<string, string | undefined>;

function parseSettings(env: Environment): Settings {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  return parsed.data;
}

function databaseSettings(url: string): DatabaseSettings {
  return { url, provider: url.startsWith("file:") ? "sqlite" : "postgres" };
}

/** Reads and validates settings; throws ConfigError naming each bad variable and what it should look like. */
export function loadConfig(env: Environment = process.env, rootDir = process.cwd()): Config {
  const settings = parseSettings(env);
  const slack = slackSettings(settings);
  return {
    slack,
    port: settings.PORT,
    host: settings.HOST ?? "0.0.0.0",
    database: databaseSettings(settings.DATABASE_URL ?? "file:./data/localism.db"),
    knowledgeDir: path.resolve(rootDir, settings.KNOWLEDGE_DIR),
    logLevel: settings.LOG_LEVEL ?? "info",
    logFormat: settings.LOG_FORMAT ?? null,
    ops: opsSettings(settings),
    minutes: {
      pollIntervalMs: settings.MINUTES_POLL_INTERVAL_MINUTES * 60_000,
      digestCheckIntervalMs: settings.DIGEST_CHECK_INTERVAL_SECONDS * 1_000,
      defaultDigestTime: settings.DIGEST_DEFAULT_TIME ?? null,
      postTimeoutMs: settings.SLACK_POST_TIMEOUT_SECONDS * 1_000,
      fetch: {
        timeoutMs: settings.FETCH_TIMEOUT_SECONDS * 1_000,
        maxBytes: settings.FETCH_MAX_MB * 1024 * 1024,
        maxRedirects: settings.FETCH_MAX_REDIRECTS,
        allowPrivateHosts: settings.FETCH_ALLOW_PRIVATE_HOSTS === "true",
      },
    },
    concerns: concernConfig(settings, slack, rootDir),
    knowledge: {
      owners: settings.KNOWLEDGE_OWNERS
        ? { kind: settings.KNOWLEDGE_OWNERS.startsWith("S") ? "usergroup" : "channel", id: settings.KNOWLEDGE_OWNERS }
        : null,
      reviewMonths: settings.KNOWLEDGE_REVIEW_MONTHS,
    },
  };
}

function opsSettings(settings: Settings): OpsSettings {
  const host = settings.METRICS_HOST ?? "127.0.0.1";
  const token = settings.METRICS_TOKEN ?? null;
  if (settings.METRICS_PORT !== undefined && !isLoopbackHost(host) && !token) {
    throw new ConfigError([
      `METRICS_HOST=${host} would let other machines read the metrics: set METRICS_TOKEN (openssl rand -hex 32), which a scrape then sends as a bearer token, or leave METRICS_HOST unset (127.0.0.1).`,
    ]);
  }
  if (settings.METRICS_PORT !== undefined && settings.METRICS_PORT !== 0 && settings.METRICS_PORT === settings.PORT) {
    throw new ConfigError(["METRICS_PORT must differ from PORT: the metrics have a port of their own."]);
  }
  return {
    metrics: settings.METRICS_PORT === undefined ? null : { port: settings.METRICS_PORT, host, token },
    shutdownGraceMs: settings.SHUTDOWN_GRACE_SECONDS * 1_000,
  };
}

function concernConfig(
  settings: z.infer<typeof envSchema>,
  slack: SlackSettings | null,
  rootDir: string,
): ConcernSettings {
  const pepper = settings.CONCERN_RECEIPT_PEPPER ?? null;
  if (slack && !pepper) {
    throw new ConfigError([
      `CONCERN_RECEIPT_PEPPER must be set: a secret of at least ${MIN_PEPPER_CHARS} random characters (openssl rand -hex 32). ` +
        "It protects anonymous reporters' receipt codes; keep it secret and never change it, or old receipts stop working.",
    ]);
  }
  if (slack && pepper === slack.signingSecret) {
    throw new ConfigError([
      "CONCERN_RECEIPT_PEPPER must not be the signing secret: generate its own (openssl rand -hex 32).",
    ]);
  }
  return {
    leads: settings.CONCERN_LEADS ? settings.CONCERN_LEADS.split(",").map((id) => id.trim()) : [],
    leadGroup: settings.CONCERN_LEAD_GROUP ?? null,
    deputy: deputyOf(settings.CONCERN_DEPUTY),
    triageChannel: settings.CONCERN_TRIAGE_CHANNEL ?? null,
    acknowledgeWithinWorkingDays: settings.CONCERN_ACK_WORKING_DAYS,
    retentionYears: settings.CONCERN_RETENTION_YEARS,
    anonymousDailyLimit: settings.CONCERN_ANONYMOUS_DAILY_LIMIT,
    receiptPepper: pepper,
    bankHolidaysFile: path.resolve(rootDir, settings.BANK_HOLIDAYS_FILE),
  };
}

function deputyOf(id: string | undefined): ConcernDeputy | null {
  if (!id) return null;
  return id.startsWith("S") ? { kind: "group", id } : { kind: "user", id };
}

function slackSettings(settings: Settings): SlackSettings | null {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret } = settings;
  const oauthNames = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;
  const oauthGiven = oauthNames.filter((name) => settings[name]);
  if (!botToken && !signingSecret && !settings.SLACK_APP_TOKEN && oauthGiven.length === 0) return null;
  if (!signingSecret) {
    throw new ConfigError([
      "SLACK_SIGNING_SECRET must be set (the app's signing secret)",
      ...(!botToken && oauthGiven.length === 0
        ? ["SLACK_BOT_TOKEN must be set (a bot token starting with xoxb-)"]
        : []),
    ]);
  }
  const common = { signingSecret, appToken: settings.SLACK_APP_TOKEN, apiUrl: settings.SLACK_API_URL };
  if (botToken) {
    if (oauthGiven.length > 0) {
      throw new ConfigError([
        `SLACK_BOT_TOKEN is set, and so is ${oauthGiven.join(", ")}: set SLACK_BOT_TOKEN for one workspace, ` +
          "or leave it unset and set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and TOKEN_ENCRYPTION_KEY to install into several",
      ]);
    }
    return { ...common, botToken, install: null };
  }
  return { ...common, botToken: null, install: installSettings(settings) };
}

/** Install mode: the signing secret without a bot token. */
function installSettings(settings: Settings): InstallSettings {
  const hint = "to install into several workspaces (or set SLACK_BOT_TOKEN for one)";
  const problems = [
    !settings.SLACK_CLIENT_ID && `SLACK_CLIENT_ID must be set ${hint}: the app's client ID (Basic Information)`,
    !settings.SLACK_CLIENT_SECRET &&
      `SLACK_CLIENT_SECRET must be set ${hint}: the app's client secret (Basic Information)`,
    !settings.SLACK_STATE_SECRET &&
      `SLACK_STATE_SECRET must be set ${hint}: a secret of at least ${MIN_STATE_SECRET_CHARS} random characters (openssl rand -hex 32)`,
    !settings.TOKEN_ENCRYPTION_KEY &&
      `TOKEN_ENCRYPTION_KEY must be set ${hint}: 32 random bytes in base64 (openssl rand -base64 32); it encrypts the workspaces' tokens`,
    settings.SLACK_APP_TOKEN &&
      "SLACK_APP_TOKEN must not be set when installing into several workspaces: installs need HTTP mode (a public Request URL)",
    settings.SLACK_STATE_SECRET &&
      settings.SLACK_STATE_SECRET === settings.SLACK_SIGNING_SECRET &&
      "SLACK_STATE_SECRET must not be the signing secret: generate its own (openssl rand -hex 32)",
  ].filter((problem): problem is string => Boolean(problem));
  const keys = settings.TOKEN_ENCRYPTION_KEY ? parseEncryptionKeys(settings.TOKEN_ENCRYPTION_KEY) : null;
  if (problems.length > 0 || !keys) throw new ConfigError(problems);
  return {
    clientId: settings.SLACK_CLIENT_ID as string,
    clientSecret: settings.SLACK_CLIENT_SECRET as string,
    stateSecret: settings.SLACK_STATE_SECRET as string,
    encryptionKeys: keys,
    authorizeUrl: settings.SLACK_AUTHORIZE_URL,
  };
}

/** The sandbox: the real bot against a local stand-in for Slack, and a page to use it. */
export interface SandboxConfig {
  /** Where the sandbox page listens: a loopback address unless SANDBOX_ALLOW_REMOTE=true. */
  host: string;
  port: number;
  database: DatabaseSettings;
  /** True for the sandbox's own SQLite file (DATABASE_URL unset): emptied at each start, like the workspace. */
  freshDatabase: boolean;
  logLevel: LogLevelName;
  rootDir: string;
  /** Your other settings, which the bot inside the sandbox inherits (not Slack's, HOST, PORT or DATABASE_URL). */
  inherited: Environment;
}

const SANDBOX_DATABASE_URL = "file:./data/sandbox.db";
const NOT_INHERITED = new Set([
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_API_URL",
  "SLACK_CLIENT_ID",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "SLACK_AUTHORIZE_URL",
  "TOKEN_ENCRYPTION_KEY",
  "HOST",
  "PORT",
  "DATABASE_URL",
  "LOG_LEVEL",
]);

/**
 * Settings for sandbox mode. Slack settings are not needed (and are ignored). The page listens on
 * 127.0.0.1 unless HOST says otherwise, and refuses an address other machines can reach unless
 * SANDBOX_ALLOW_REMOTE=true: whoever reaches the page can act as any sandbox user.
 */
export function loadSandboxConfig(env: Environment = process.env, rootDir = process.cwd()): SandboxConfig {
  const settings = parseSettings(env);
  const host = settings.HOST ?? "127.0.0.1";
  if (!isLoopbackHost(host) && settings.SANDBOX_ALLOW_REMOTE !== "true") {
    throw new ConfigError([
      `HOST=${host} would let other machines reach the sandbox, and whoever reaches it can act as any sandbox user. ` +
        "Leave HOST unset (the sandbox listens on 127.0.0.1), or set SANDBOX_ALLOW_REMOTE=true if you mean to share it.",
    ]);
  }
  return {
    host,
    port: settings.PORT,
    database: databaseSettings(settings.DATABASE_URL ?? SANDBOX_DATABASE_URL),
    freshDatabase: settings.DATABASE_URL === undefined,
    logLevel: settings.LOG_LEVEL ?? "warn",
    rootDir,
    inherited: Object.fromEntries(Object.entries(env).filter(([name]) => !NOT_INHERITED.has(name))),
  };
}

/** The bot's settings inside the sandbox: yours, with `settings` (Slack pointed at the stand-in, seeded values) on top. */
export function sandboxBotConfig(sandbox: SandboxConfig, settings: Environment): Config {
  return loadConfig(
    { ...sandbox.inherited, DATABASE_URL: sandbox.database.url, LOG_LEVEL: sandbox.logLevel, ...settings },
    sandbox.rootDir,
  );
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare === "::1") return true;
  const v4 = bare.startsWith("::ffff:") ? bare.slice(7) : bare;
  return isIP(v4) === 4 && v4.startsWith("127.");
}
