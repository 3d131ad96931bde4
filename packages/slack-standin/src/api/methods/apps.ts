import type { StandinContext } from "../../context";
import type { Params } from "../params";
import type { MethodTable } from "../types";

/** Socket Mode: the WebSocket URL the app connects to (served by socket-mode.ts on the same port). */
function connectionsOpen(ctx: StandinContext) {
  return { url: `${ctx.baseUrl.replace(/^http/, "ws")}/socket-mode?ticket=${ctx.ids.next("ticket-")}` };
}

/** OAuth v2's last step: the code from the authorize redirect for the workspace's bot token. */
function oauthV2Access(ctx: StandinContext, params: Params) {
  return ctx.root.oauth.access(params);
}

export const appMethods: MethodTable = { "apps.connections.open": connectionsOpen, "oauth.v2.access": oauthV2Access };
