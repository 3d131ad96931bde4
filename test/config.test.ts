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
});
