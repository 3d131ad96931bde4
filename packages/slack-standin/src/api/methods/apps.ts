import type { StandinContext } from "../../context";
import type { MethodTable } from "../types";

/** Socket Mode: the WebSocket URL the app connects to (served by socket-mode.ts on the same port). */
function connectionsOpen(ctx: StandinContext) {
  return { url: `${ctx.baseUrl.replace(/^http/, "ws")}/socket-mode?ticket=${ctx.ids.next("ticket-")}` };
}

export const appMethods: MethodTable = { "apps.connections.open": connectionsOpen };
