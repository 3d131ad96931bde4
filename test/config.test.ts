import { describe, expect, it } from "vitest";
import { ConfigError, isLoopbackHost, loadConfig, loadSandboxConfig, sandboxBotConfig } from "../src/config";

const slack = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5".replace(/[yz]/g, "0"),
  CONCERN_RECEIPT_PEPPER: "a-test-pepper-of-at-least-32-characters",
};

function problemsOf(
  env: Record<string, string>,
  load: (env: Record<string, string>) => unknown = loadConfig,
): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("runs with no settings at all: SQLite under data/, no Slack yet, HTTP port 3000", () => {
    const config = loadConfig({}, "/srv/bot");
    expect(config.slack).toBeNull();
    expect(config.database).toEqual({ url: "file:./data/localism.db", provider: "sqlite" });
    expect(config.port).toBe(3000);
    expect(config.knowledgeDir).toBe("/srv/bot/knowledge");
  });

  it("selects PostgreSQL from a postgres:// URL and Socket Mode settings from an app token", () => {
    const config = loadConfig({
      ...slack,
      SLACK_APP_TOKEN: "xapp-1-A",
      DATABASE_URL: "postgres://u:p@db:5432/localism",
    });
    expect(config.database.provider).toBe("postgres");
    expect(config.slack?.appToken).toBe("xapp-1-A");
    expect(config.slack?.apiUrl).toBe("https://slack.com/api/");
  });

  it("adds the trailing slash the Web API client needs to SLACK_API_URL", () => {
    expect(loadConfig({ ...slack, SLACK_API_URL: "http://127.0.0.1:9/api" }).slack?.apiUrl).toBe(
      "http://127.0.0.1:9/api/",
    );
  });

  it("names each malformed variable and says what it should look like", () => {
    const problems = problemsOf({
      SLACK_BOT_TOKEN: "xoxp-user-token",
      SLACK_SIGNING_SECRET: "not hex",
      PORT: "eighty",
      DATABASE_URL: "mysql://x",
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_BOT_TOKEN should be a bot token starting with xoxb-/),
        expect.stringMatching(/^SLACK_SIGNING_SECRET should be the app's signing secret/),
        expect.stringMatching(/^PORT should be a port number/),
        expect.stringMatching(/^DATABASE_URL should be a SQLite file .* or a PostgreSQL URL/),
      ]),
    );
  });

  it("refuses half a Slack setup, naming what is missing", () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      "SLACK_SIGNING_SECRET must be set (the app's signing secret)",
    ]);
  });

  describe("install mode (the signing secret without a bot token)", () => {
    const install = {
      SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET,
      CONCERN_RECEIPT_PEPPER: slack.CONCERN_RECEIPT_PEPPER,
      SLACK_CLIENT_ID: "1234567890.0987654321",
      SLACK_CLIENT_SECRET: "0123456789abcdef0123456789abcdef",
      SLACK_STATE_SECRET: "a-state-secret-of-at-least-32-characters!",
      TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    };

    it("reads the OAuth settings and the encryption keys", () => {
      const config = loadConfig({
        ...install,
        TOKEN_ENCRYPTION_KEY: `${"ab".repeat(32)},${install.TOKEN_ENCRYPTION_KEY}`,
      });
      expect(config.slack?.botToken).toBeNull();
      expect(config.slack?.install).toMatchObject({
        clientId: "1234567890.0987654321",
        authorizeUrl: "https://slack.com/oauth/v2/authorize",
      });
      expect(config.slack?.install?.encryptionKeys.map((key) => key.toString("hex"))).toEqual([
        "ab".repeat(32),
        "07".repeat(32),
      ]);
    });

    it("names each setting install mode still needs", () => {
      const problems = problemsOf({ SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET });
      expect(problems).toEqual([
        expect.stringMatching(/^SLACK_CLIENT_ID must be set to install into several workspaces/),
        expect.stringMatching(/^SLACK_CLIENT_SECRET must be set/),
        expect.stringMatching(/^SLACK_STATE_SECRET must be set/),
        expect.stringMatching(/^TOKEN_ENCRYPTION_KEY must be set .*openssl rand -base64 32/),
      ]);
    });

    it("refuses a malformed key, a bot token beside OAuth settings, and Socket Mode", () => {
      expect(problemsOf({ ...install, TOKEN_ENCRYPTION_KEY: "c2hvcnQ=" })).toEqual([
        expect.stringMatching(/^TOKEN_ENCRYPTION_KEY should be 32 random bytes in base64 or hex/),
      ]);
      expect(problemsOf({ ...install, SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
        expect.stringMatching(
          /^SLACK_BOT_TOKEN is set, and so is SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET/,
        ),
      ]);
      expect(problemsOf({ ...install, SLACK_APP_TOKEN: "xapp-1-A" })).toEqual([
        expect.stringMatching(/^SLACK_APP_TOKEN must not be set when installing into several workspaces/),
      ]);
    });

    it("keeps the OAuth settings from the bot inside the sandbox", () => {
      const sandbox = loadSandboxConfig({ ...install, HOST: "127.0.0.1" });
      expect(Object.keys(sandbox.inherited)).not.toEqual(
        expect.arrayContaining(["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "TOKEN_ENCRYPTION_KEY"]),
      );
      expect(sandbox.inherited).not.toHaveProperty("TOKEN_ENCRYPTION_KEY");
    });
  });

  it("reads the concern settings, with defaults", () => {
    const defaults = loadConfig({}).concerns;
    expect(defaults).toMatchObject({
      leads: [],
      leadGroup: null,
      deputy: null,
      triageChannel: null,
      acknowledgeWithinWorkingDays: 2,
      retentionYears: 3,
      anonymousDailyLimit: 3,
      receiptPepper: null,
    });
    const set = loadConfig({
      ...slack,
      CONCERN_LEADS: "U0LEAD001, W0LEAD002",
      CONCERN_LEAD_GROUP: "S0LEADS",
      CONCERN_DEPUTY: "S0DEPUTY",
      CONCERN_TRIAGE_CHANNEL: "G0TRIAGE",
      CONCERN_ACK_WORKING_DAYS: "3",
      CONCERN_RETENTION_YEARS: "6",
    }).concerns;
    expect(loadConfig({ ...slack, CONCERN_DEPUTY: "U0DEPUTY1" }).concerns.deputy).toEqual({
      kind: "user",
      id: "U0DEPUTY1",
    });
    expect(set).toMatchObject({
      leads: ["U0LEAD001", "W0LEAD002"],
      leadGroup: "S0LEADS",
      deputy: { kind: "group", id: "S0DEPUTY" },
      triageChannel: "G0TRIAGE",
      acknowledgeWithinWorkingDays: 3,
      retentionYears: 6,
    });
  });

  it("needs a receipt pepper of its own once Slack is configured, and explains the concern settings it refuses", () => {
    const { CONCERN_RECEIPT_PEPPER: _pepper, ...withoutPepper } = slack;
    expect(problemsOf(withoutPepper)[0]).toMatch(/^CONCERN_RECEIPT_PEPPER must be set: .*openssl rand -hex 32/);
    expect(problemsOf({ ...slack, CONCERN_RECEIPT_PEPPER: slack.SLACK_SIGNING_SECRET })[0]).toMatch(
      /must not be the signing secret/,
    );
    expect(
      problemsOf({
        CONCERN_LEADS: "helen",
        CONCERN_TRIAGE_CHANNEL: "#triage",
        CONCERN_DEPUTY: "@deputy",
        CONCERN_ACK_WORKING_DAYS: "0",
        CONCERN_RECEIPT_PEPPER: "short",
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CONCERN_LEADS should be Slack user ids/),
        expect.stringMatching(/^CONCERN_TRIAGE_CHANNEL should be a channel id/),
        expect.stringMatching(/^CONCERN_DEPUTY should be the Slack user id \(U0123ABCD\) or user group id/),
        expect.stringMatching(/^CONCERN_ACK_WORKING_DAYS should be the working days/),
        expect.stringMatching(/^CONCERN_RECEIPT_PEPPER should be a secret of at least 32/),
      ]),
    );
  });
});

describe("loadSandboxConfig", () => {
  it("needs no settings: the page on 127.0.0.1:3000, its own database emptied at each start, quiet logs", () => {
    const config = loadSandboxConfig({}, "/srv/bot");
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      freshDatabase: true,
      logLevel: "warn",
      rootDir: "/srv/bot",
    });
    expect(config.database).toEqual({ url: "file:./data/sandbox.db", provider: "sqlite" });
  });

  it("keeps a database you name, and never empties it", () => {
    const config = loadSandboxConfig({ DATABASE_URL: "file:/tmp/mine.db" });
    expect(config.database.url).toBe("file:/tmp/mine.db");
    expect(config.freshDatabase).toBe(false);
  });

  it("refuses an address other machines can reach unless SANDBOX_ALLOW_REMOTE=true", () => {
    const [problem] = problemsOf({ HOST: "0.0.0.0" }, loadSandboxConfig);
    expect(problem).toContain("HOST=0.0.0.0 would let other machines reach the sandbox");
    expect(problem).toContain("SANDBOX_ALLOW_REMOTE=true");
    expect(problemsOf({ HOST: "192.168.1.20", SANDBOX_ALLOW_REMOTE: "false" }, loadSandboxConfig)).toHaveLength(1);
    expect(loadSandboxConfig({ HOST: "0.0.0.0", SANDBOX_ALLOW_REMOTE: "true" }).host).toBe("0.0.0.0");
    expect(loadSandboxConfig({ HOST: "localhost" }).host).toBe("localhost");
    expect(problemsOf({ SANDBOX_ALLOW_REMOTE: "yes" }, loadSandboxConfig)).toEqual([
      expect.stringMatching(/^SANDBOX_ALLOW_REMOTE should be true or false/),
    ]);
  });

  it("tells loopback addresses from the rest", () => {
    for (const host of ["127.0.0.1", "127.8.9.10", "localhost", "::1", "[::1]", "::ffff:127.0.0.1"])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "192.168.1.20", "example.nhs.uk", "128.0.0.1"])
      expect(isLoopbackHost(host), host).toBe(false);
  });

  it("gives the bot inside the sandbox your settings, with the sandbox's Slack and seeded values on top", () => {
    const sandbox = loadSandboxConfig(
      { ...slack, KNOWLEDGE_DIR: "kb", LOG_LEVEL: "debug", CONCERN_LEADS: "U0REALLEAD", HOST: "127.0.0.1" },
      "/srv/bot",
    );
    const bot = sandboxBotConfig(sandbox, {
      SLACK_BOT_TOKEN: "xoxb-standin",
      SLACK_SIGNING_SECRET: "0123456789abcdef",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      HOST: "127.0.0.1",
      PORT: "0",
    });
    expect(bot.slack).toEqual({
      botToken: "xoxb-standin",
      signingSecret: "0123456789abcdef",
      appToken: undefined,
      apiUrl: "http://127.0.0.1:9/api/",
      install: null,
    });
    expect(bot).toMatchObject({
      host: "127.0.0.1",
      port: 0,
      knowledgeDir: "/srv/bot/kb",
      logLevel: "debug",
      database: { url: "file:./data/sandbox.db" },
    });
    expect(sandbox.inherited).toMatchObject({ CONCERN_LEADS: "U0REALLEAD" });
    expect(sandbox.inherited).not.toHaveProperty("SLACK_BOT_TOKEN");
  });
});

describe("policy leads' settings", () => {
  it("reads the knowledge owners as a channel or a user group, and the months before a review", () => {
    expect(loadConfig({}).knowledge).toEqual({ owners: null, reviewMonths: 12 });
    expect(loadConfig({ KNOWLEDGE_OWNERS: "G0POLICY01", KNOWLEDGE_REVIEW_MONTHS: "6" }).knowledge).toEqual({
      owners: { kind: "channel", id: "G0POLICY01" },
      reviewMonths: 6,
    });
    expect(loadConfig({ KNOWLEDGE_OWNERS: "S0POLICY" }).knowledge.owners).toEqual({
      kind: "usergroup",
      id: "S0POLICY",
    });
  });

  it("explains a setting it refuses", () => {
    expect(problemsOf({ KNOWLEDGE_OWNERS: "#policy-leads" })[0]).toMatch(/^KNOWLEDGE_OWNERS should be a user group id/);
    expect(problemsOf({ KNOWLEDGE_REVIEW_MONTHS: "0" })[0]).toMatch(/^KNOWLEDGE_REVIEW_MONTHS should be/);
  });
});

describe("operating settings", () => {
  it("has no metrics unless METRICS_PORT is set, and then listens on loopback", () => {
    expect(loadConfig(slack).ops).toEqual({ metrics: null, shutdownGraceMs: 20_000 });
    expect(loadConfig({ ...slack, METRICS_PORT: "9464", SHUTDOWN_GRACE_SECONDS: "45" }).ops).toEqual({
      metrics: { port: 9464, host: "127.0.0.1", token: null },
      shutdownGraceMs: 45_000,
    });
  });

  it("refuses metrics other machines can reach without a token, or on the bot's own port", () => {
    expect(problemsOf({ ...slack, METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0" })[0]).toContain("set METRICS_TOKEN");
    const token = "0123456789abcdef0123456789abcdef";
    expect(
      loadConfig({ ...slack, METRICS_PORT: "9464", METRICS_HOST: "0.0.0.0", METRICS_TOKEN: token }).ops.metrics,
    ).toEqual({ port: 9464, host: "0.0.0.0", token });
    expect(problemsOf({ ...slack, PORT: "3000", METRICS_PORT: "3000" })[0]).toContain("METRICS_PORT must differ");
    expect(problemsOf({ ...slack, METRICS_TOKEN: "short" })[0]).toContain("METRICS_TOKEN should be a random secret");
  });

  it("reads LOG_FORMAT as pretty or json, and leaves the choice to the terminal when unset", () => {
    expect(loadConfig({ LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(loadConfig({}).logFormat).toBeNull();
    expect(problemsOf({ LOG_FORMAT: "xml" })[0]).toContain("LOG_FORMAT should be pretty");
  });
});
