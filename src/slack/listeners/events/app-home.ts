import type { App } from "@slack/bolt";
import { homeView } from "../../views/home";
import type { ListenerDeps } from "../deps";

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const summary = await deps.minutes.home(context.teamId ?? "").catch((error: unknown) => {
      deps.logger.warn("Could not read the digests for App Home", error);
      return undefined;
    });
    const digests = summary ? { summary, now: deps.clock.now() } : undefined;
    await client.views.publish({ user_id: event.user, view: homeView(deps.kb, digests) as Parameters<typeof client.views.publish>[0]["view"] });
  });
}
