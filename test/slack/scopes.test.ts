import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BOT_SCOPES } from "../../src/slack/scopes";

const manifest = parse(readFileSync(path.resolve(import.meta.dirname, "../../manifest.yml"), "utf8")) as {
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: { event_subscriptions: { bot_events: string[] } };
};

describe("what an install asks Slack for", () => {
  it("asks for exactly the manifest's bot scopes", () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it("has a redirect URL at /slack/oauth_redirect and hears uninstalls", () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([
      expect.stringMatching(/^https:\/\/.+\/slack\/oauth_redirect$/),
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(["app_uninstalled", "tokens_revoked"]),
    );
  });
});
