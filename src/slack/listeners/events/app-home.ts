import type { App } from "@slack/bolt";
import { concernsHomeBlocks } from "../../views/concerns/home";
import { homeView } from "../../views/home";
import type { ListenerDeps } from "../deps";

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const workspaceId = context.teamId ?? context.enterpriseId;
    const concerns = workspaceId
      ? await deps.concerns.lookup.home(workspaceId, event.user).catch((error: unknown) => {
          deps.logger.warn("Could not read concerns for App Home", error);
          return null;
        })
      : null;
    const view = homeView(deps.kb, concerns ? concernsHomeBlocks(concerns) : []);
    await client.views.publish({ user_id: event.user, view: view as Parameters<typeof client.views.publish>[0]["view"] });
  });
}
