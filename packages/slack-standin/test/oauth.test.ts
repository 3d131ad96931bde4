import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, type Installation, MemoryInstallationStore } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SlackStandin, startSlackStandin } from "../src/index";
import { silentLogger, slackError, webClient } from "./helpers";

const SIGNING_SECRET = "bolt-signing-secret";
const STATE_SECRET = "a-state-secret-of-some-length-0123456789";

let standin: SlackStandin;
let app: App;
let receiver: HTTPReceiver;
let appUrl: string;
let store: MemoryInstallationStore;
const events: string[] = [];

/** A tiny real Bolt app installed by OAuth (Bolt's own /slack/install and /slack/oauth_redirect). */
beforeEach(async () => {
  events.length = 0;
  standin = await startSlackStandin();
  store = new MemoryInstallationStore();
  receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    clientId: standin.oauth.clientId,
    clientSecret: standin.oauth.clientSecret,
    stateSecret: STATE_SECRET,
    scopes: ["chat:write", "commands"],
    installationStore: store,
    installerOptions: {
      authorizationUrl: standin.authorizeUrl,
      clientOptions: { slackApiUrl: standin.apiUrl },
      directInstall: true,
    },
    logger: silentLogger(),
  });
  app = new App({ receiver, logger: silentLogger(), clientOptions: { slackApiUrl: standin.apiUrl } });
  app.event("app_uninstalled", async ({ context }) => void events.push(`app_uninstalled ${context.teamId}`));
  app.event("tokens_revoked", async ({ event, context }) => {
    events.push(`tokens_revoked ${context.teamId} bot=${event.tokens.bot?.join(",")}`);
  });
  const server = await receiver.start(0);
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  standin.oauth.redirectUrls.push(`${appUrl}/slack/oauth_redirect`);
});

afterEach(async () => {
  await receiver.stop();
  await standin.close();
});

/** A browser installing the app into `team`: /slack/install, Slack's authorize page, back to the redirect. */
async function install(team: string): Promise<Response> {
  const start = await fetch(`${appUrl}/slack/install`, { redirect: "manual" });
  expect(start.status).toBe(302);
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const authorize = new URL(start.headers.get("location") ?? "");
  expect(`${authorize.origin}${authorize.pathname}`).toBe(standin.authorizeUrl);
  authorize.searchParams.set("team", team);
  const approved = await fetch(authorize, { redirect: "manual" });
  expect(approved.status).toBe(302);
  return fetch(approved.headers.get("location") ?? "", { headers: { cookie }, redirect: "manual" });
}

describe("installing an app by OAuth", () => {
  it("gives each workspace its own bot token through oauth.v2.access, and auth.test answers for each", async () => {
    const north = standin.addTeam({ team: { id: "T0NORTH", name: "North CCG" } });
    const south = standin.addTeam({ team: { id: "T0SOUTH", name: "South CCG" } });
    expect((await install("T0NORTH")).status).toBe(200);
    expect((await install("T0SOUTH")).status).toBe(200);

    const northInstall = (await store.fetchInstallation({
      teamId: "T0NORTH",
      isEnterpriseInstall: false,
    })) as Installation;
    const southInstall = (await store.fetchInstallation({
      teamId: "T0SOUTH",
      isEnterpriseInstall: false,
    })) as Installation;
    expect(northInstall.bot?.token).toBe(north.token);
    expect(southInstall.bot?.token).toBe(south.token);
    expect(north.token).not.toBe(south.token);
    expect(northInstall.bot?.scopes).toEqual(["chat:write", "commands"]);
    expect(northInstall.team).toEqual({ id: "T0NORTH", name: "North CCG" });

    expect(await webClient(standin, {}, north.token).auth.test()).toMatchObject({ team_id: "T0NORTH" });
    expect(await webClient(standin, {}, south.token).auth.test()).toMatchObject({ team_id: "T0SOUTH" });
    expect(standin.callsTo("oauth.v2.access")).toHaveLength(2);
  });

  it("keeps each workspace's people and channels to its own token", async () => {
    const north = standin.addTeam({
      team: { id: "T0NORTH" },
      seed: { users: [{ id: "U0NORTH1", name: "nadia" }], channels: [{ id: "C0NORTH", name: "north" }] },
    });
    const south = standin.addTeam({ team: { id: "T0SOUTH" }, seed: { channels: [{ id: "C0SOUTH", name: "south" }] } });
    await install("T0NORTH");
    await install("T0SOUTH");
    const southClient = webClient(standin, {}, south.token);
    expect(await slackError(southClient.users.info({ user: "U0NORTH1" }))).toBe("user_not_found");
    expect(await slackError(southClient.chat.postMessage({ channel: "C0NORTH", text: "hi" }))).toBe(
      "channel_not_found",
    );
    await webClient(standin, {}, north.token).chat.postMessage({ channel: "C0NORTH", text: "hello north" });
    expect(north.messagesIn("C0NORTH").map((m) => m.text)).toEqual(["hello north"]);
    expect(standin.callsTo("chat.postMessage").map((call) => call.token)).toEqual([south.token, north.token]);
  });

  it("refuses a wrong client secret, a reused code and a redirect URL the app does not allow", async () => {
    standin.addTeam({ team: { id: "T0NORTH" } });
    const anonymous = webClient(standin, {}, null);
    const authorize = (query: Record<string, string>) =>
      fetch(`${standin.authorizeUrl}?${new URLSearchParams({ client_id: standin.oauth.clientId, ...query })}`, {
        redirect: "manual",
      });
    expect((await authorize({ redirect_uri: "https://evil.example/steal", team: "T0NORTH" })).status).toBe(400);
    const approved = await authorize({ team: "T0NORTH", state: "s1", scope: "chat:write" });
    const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
    expect(new URL(approved.headers.get("location") ?? "").searchParams.get("state")).toBe("s1");
    const exchange = (secret: string) =>
      anonymous.oauth.v2.access({ client_id: standin.oauth.clientId, client_secret: secret, code });
    expect(await slackError(exchange("not-the-secret"))).toBe("bad_client_secret");
    expect(await exchange(standin.oauth.clientSecret)).toMatchObject({ ok: true, team: { id: "T0NORTH" } });
    expect(await slackError(exchange(standin.oauth.clientSecret))).toBe("invalid_code");
  });

  it("uninstalling revokes the workspace's token and sends tokens_revoked and app_uninstalled", async () => {
    const north = standin.addTeam({ team: { id: "T0NORTH" } });
    const south = standin.addTeam({ team: { id: "T0SOUTH" } });
    await install("T0NORTH");
    await install("T0SOUTH");
    const northToken = north.token;
    const slack = north.delivery(`${appUrl}/slack/events`, SIGNING_SECRET);
    await slack.appUninstalled();
    expect(events).toEqual([`tokens_revoked T0NORTH bot=${north.context.app.botUserId}`, "app_uninstalled T0NORTH"]);
    expect(await slackError(webClient(standin, {}, northToken).auth.test())).toBe("token_revoked");
    expect(await webClient(standin, {}, south.token).auth.test()).toMatchObject({ team_id: "T0SOUTH" });

    // Installing again issues a new token.
    await install("T0NORTH");
    expect(north.token).not.toBe(northToken);
    expect(await webClient(standin, {}, north.token).auth.test()).toMatchObject({ team_id: "T0NORTH" });
  });
});
