import path from "node:path";
import { z } from "zod";

/** The only reader of process.env: every setting is validated here, once, at start-up. */

const slackApiUrl = z
  .url({ message: "should be the Slack Web API base URL, like https://slack.com/api/" })
  .transform((url) => (url.endsWith("/") ? url : `${url}/`));

const databaseUrl = z
  .string()
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
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

// ---- Concerns (issue 3) ----
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
  CONCERN_TRIAGE_CHANNEL: optionalNonEmpty(
    z.string().regex(/^[CG][A-Z0-9]{2,}$/, { message: "should be a channel id starting with C or G, like C0123ABCD (channel details > About)" }),
  ),
  CONCERN_ACK_WORKING_DAYS: wholeNumber("the working days leads have to acknowledge a concern", 1, 20, 2),
  CONCERN_RETENTION_YEARS: wholeNumber("the years resolved concerns are kept", 1, 30, 3),
  CONCERN_ANONYMOUS_DAILY_LIMIT: wholeNumber("the anonymous submissions one person may make in 24 hours", 1, 100, 3),
  CONCERN_RECEIPT_PEPPER: optionalNonEmpty(
    z.string().min(MIN_PEPPER_CHARS, { message: `should be a secret of at least ${MIN_PEPPER_CHARS} random characters (openssl rand -hex 32)` }),
  ),
  BANK_HOLIDAYS_FILE: z.string().min(1).default("reference/bank-holidays-england-and-wales.json"),
};

const envSchema = z.object({
  SLACK_BOT_TOKEN: optionalNonEmpty(
    z.string().regex(/^xoxb-/, { message: "should be a bot token starting with xoxb- (Slack app settings > OAuth & Permissions)" }),
  ),
  SLACK_SIGNING_SECRET: optionalNonEmpty(
    z.string().regex(/^[0-9a-f]{16,}$/i, { message: "should be the app's signing secret, a hex string (Basic Information > App Credentials)" }),
  ),
  SLACK_APP_TOKEN: optionalNonEmpty(
    z.string().regex(/^xapp-/, { message: "should be an app-level token starting with xapp- with the connections:write scope (only for Socket Mode)" }),
  ),
  PORT: z.coerce
    .number({ message: "should be a port number, like 3000" })
    .int({ message: "should be a whole port number, like 3000" })
    .min(0, { message: "should be a port number between 0 and 65535" })
    .max(65535, { message: "should be a port number between 0 and 65535" })
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: databaseUrl.default("file:./data/localism.db"),
  SLACK_API_URL: slackApiUrl.default("https://slack.com/api/"),
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"], { message: "should be one of debug, info, warn, error" }).default("info"),
  ...concernSettings,
});

export type DatabaseProvider = "sqlite" | "postgres";

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl: string;
}

export interface ConcernSettings {
  /** Slack user ids of concern leads, besides the members of `leadGroup`. */
  leads: string[];
  leadGroup: string | null;
  triageChannel: string | null;
  acknowledgeWithinWorkingDays: number;
  retentionYears: number;
  anonymousDailyLimit: number;
  /** Keys the hashes of receipt codes, sources and submissions; null only without Slack (the CLI). */
  receiptPepper: string | null;
  bankHolidaysFile: string;
}

export interface Config {
  slack: SlackSettings | null;
  port: number;
  host: string;
  database: { url: string; provider: DatabaseProvider };
  knowledgeDir: string;
  logLevel: "debug" | "info" | "warn" | "error";
  concerns: ConcernSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`localism-bot cannot start: its settings need attention.\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export type Environment = Record<string, string | undefined>;

/** Reads and validates settings; throws ConfigError naming each bad variable and what it should look like. */
export function loadConfig(env: Environment = process.env, rootDir = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const settings = parsed.data;
  const slack = slackSettings(settings);
  return {
    slack,
    port: settings.PORT,
    host: settings.HOST,
    database: { url: settings.DATABASE_URL, provider: settings.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres" },
    knowledgeDir: path.resolve(rootDir, settings.KNOWLEDGE_DIR),
    logLevel: settings.LOG_LEVEL,
    concerns: concernConfig(settings, slack, rootDir),
  };
}

function concernConfig(settings: z.infer<typeof envSchema>, slack: SlackSettings | null, rootDir: string): ConcernSettings {
  const pepper = settings.CONCERN_RECEIPT_PEPPER ?? null;
  if (slack && !pepper) {
    throw new ConfigError([
      `CONCERN_RECEIPT_PEPPER must be set: a secret of at least ${MIN_PEPPER_CHARS} random characters (openssl rand -hex 32). ` +
        "It protects anonymous reporters' receipt codes; keep it secret and never change it, or old receipts stop working.",
    ]);
  }
  if (slack && pepper === slack.signingSecret) {
    throw new ConfigError(["CONCERN_RECEIPT_PEPPER must not be the signing secret: generate its own (openssl rand -hex 32)."]);
  }
  return {
    leads: settings.CONCERN_LEADS ? settings.CONCERN_LEADS.split(",").map((id) => id.trim()) : [],
    leadGroup: settings.CONCERN_LEAD_GROUP ?? null,
    triageChannel: settings.CONCERN_TRIAGE_CHANNEL ?? null,
    acknowledgeWithinWorkingDays: settings.CONCERN_ACK_WORKING_DAYS,
    retentionYears: settings.CONCERN_RETENTION_YEARS,
    anonymousDailyLimit: settings.CONCERN_ANONYMOUS_DAILY_LIMIT,
    receiptPepper: pepper,
    bankHolidaysFile: path.resolve(rootDir, settings.BANK_HOLIDAYS_FILE),
  };
}

function slackSettings(settings: z.infer<typeof envSchema>): SlackSettings | null {
  const { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret } = settings;
  if (!botToken && !signingSecret && !settings.SLACK_APP_TOKEN) return null;
  const missing = [
    !botToken && "SLACK_BOT_TOKEN must be set (a bot token starting with xoxb-)",
    !signingSecret && "SLACK_SIGNING_SECRET must be set (the app's signing secret)",
  ].filter((problem): problem is string => Boolean(problem));
  if (missing.length > 0 || !botToken || !signingSecret) throw new ConfigError(missing);
  return { botToken, signingSecret, appToken: settings.SLACK_APP_TOKEN, apiUrl: settings.SLACK_API_URL };
}

/** Explains what to set when the bot is started without any Slack settings. */
export const MISSING_SLACK_SETTINGS = [
  "localism-bot needs a Slack app to talk to. Set these (see .env.example and README.md):",
  "  SLACK_BOT_TOKEN=xoxb-...        (OAuth & Permissions > Bot User OAuth Token)",
  "  SLACK_SIGNING_SECRET=...        (Basic Information > App Credentials > Signing Secret)",
  "  SLACK_APP_TOKEN=xapp-...        (optional: Socket Mode; without it the bot serves HTTP on PORT at /slack/events)",
  "  CONCERN_RECEIPT_PEPPER=...      (a secret for anonymous concerns' receipt codes: openssl rand -hex 32)",
].join("\n");
