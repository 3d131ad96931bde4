import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config";

const slack = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5".replace(/[yz]/g, "0"),
  CONCERN_RECEIPT_PEPPER: "a-test-pepper-of-at-least-32-characters",
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
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
    const config = loadConfig({ ...slack, SLACK_APP_TOKEN: "xapp-1-A", DATABASE_URL: "postgres://u:p@db:5432/localism" });
    expect(config.database.provider).toBe("postgres");
    expect(config.slack?.appToken).toBe("xapp-1-A");
    expect(config.slack?.apiUrl).toBe("https://slack.com/api/");
  });

  it("adds the trailing slash the Web API client needs to SLACK_API_URL", () => {
    expect(loadConfig({ ...slack, SLACK_API_URL: "http://127.0.0.1:9/api" }).slack?.apiUrl).toBe("http://127.0.0.1:9/api/");
  });

  it("names each malformed variable and says what it should look like", () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_SIGNING_SECRET: "not hex", PORT: "eighty", DATABASE_URL: "mysql://x" });
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
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual(["SLACK_SIGNING_SECRET must be set (the app's signing secret)"]);
  });

  it("reads the concern settings, with defaults", () => {
    const defaults = loadConfig({}).concerns;
    expect(defaults).toMatchObject({ leads: [], leadGroup: null, triageChannel: null, acknowledgeWithinWorkingDays: 2, retentionYears: 3, anonymousDailyLimit: 3, receiptPepper: null });
    const set = loadConfig({ ...slack, CONCERN_LEADS: "U0LEAD001, W0LEAD002", CONCERN_LEAD_GROUP: "S0LEADS", CONCERN_TRIAGE_CHANNEL: "G0TRIAGE", CONCERN_ACK_WORKING_DAYS: "3", CONCERN_RETENTION_YEARS: "6" }).concerns;
    expect(set).toMatchObject({ leads: ["U0LEAD001", "W0LEAD002"], leadGroup: "S0LEADS", triageChannel: "G0TRIAGE", acknowledgeWithinWorkingDays: 3, retentionYears: 6 });
  });

  it("needs a receipt pepper of its own once Slack is configured, and explains the concern settings it refuses", () => {
    const { CONCERN_RECEIPT_PEPPER: _pepper, ...withoutPepper } = slack;
    expect(problemsOf(withoutPepper)[0]).toMatch(/^CONCERN_RECEIPT_PEPPER must be set: .*openssl rand -hex 32/);
    expect(problemsOf({ ...slack, CONCERN_RECEIPT_PEPPER: slack.SLACK_SIGNING_SECRET })[0]).toMatch(/must not be the signing secret/);
    expect(problemsOf({ CONCERN_LEADS: "helen", CONCERN_TRIAGE_CHANNEL: "#triage", CONCERN_ACK_WORKING_DAYS: "0", CONCERN_RECEIPT_PEPPER: "short" })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CONCERN_LEADS should be Slack user ids/),
        expect.stringMatching(/^CONCERN_TRIAGE_CHANNEL should be a channel id/),
        expect.stringMatching(/^CONCERN_ACK_WORKING_DAYS should be the working days/),
        expect.stringMatching(/^CONCERN_RECEIPT_PEPPER should be a secret of at least 32/),
      ]),
    );
  });
});
