import type { App } from "@slack/bolt";
import { concernsHomeBlocks } from "../features/concerns/slack/views/home";
import { digestHomeBlocks } from "../features/minutes/slack/views/digest-home";
import { homeView } from "../features/objectives/slack/views/home";
import type { ListenerDeps } from "./deps";

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const workspaceId = context.teamId ?? context.enterpriseId ?? "";
    const [concerns, digests] = await Promise.all([
      deps.concerns.lookup.home(workspaceId, event.user).catch((error: unknown) => {
        deps.logger.warn("Could not read concerns for App Home", error);
        return null;
      }),
      deps.minutes.home(workspaceId).catch((error: unknown) => {
        deps.logger.warn("Could not read the digests for App Home", error);
        return null;
      }),
    ]);
    const sections = [
      ...(concerns ? concernsHomeBlocks(concerns) : []),
      ...(digests ? digestHomeBlocks(digests, deps.clock.now()) : []),
    ];
    const view = homeView(deps.kb, sections);
    await client.views.publish({ user_id: event.user, view: view as Parameters<typeof client.views.publish>[0]["view"] });
  });
}
