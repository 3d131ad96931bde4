import type { App } from "@slack/bolt";
import { homeView } from "../../views/home";
import type { ListenerDeps } from "../deps";

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await client.views.publish({ user_id: event.user, view: homeView(deps.kb) as Parameters<typeof client.views.publish>[0]["view"] });
  });
}
