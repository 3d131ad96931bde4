import type { App } from "@slack/bolt";
import type { ViewBlockBuilder } from "slack-block-builder";
import type { Logger } from "../logger";

/** One feature's part of App Home. */
export interface HomeSection {
  name: string;
  blocks(workspaceId: string, userId: string): Promise<ViewBlockBuilder[]>;
}

export interface AppHomeParts {
  /** The whole view: the page around the sections. */
  frame(sections: ViewBlockBuilder[]): Promise<object>;
  sections: HomeSection[];
  logger: Logger;
}

export type PublishHome = (client: App["client"], workspaceId: string, userId: string) => Promise<void>;

/**
 * App Home: each feature's section inside the frame; a section that fails to load is left out, not the page.
 * Returns how to draw someone's App Home again (after they change something shown there).
 */
export function registerAppHome(app: App, parts: AppHomeParts): PublishHome {
  const publish: PublishHome = async (client, workspaceId, userId) => {
    const sections = await Promise.all(
      parts.sections.map((section) =>
        section.blocks(workspaceId, userId).catch((error: unknown) => {
          parts.logger.warn(`Could not read the ${section.name} for App Home`, error);
          return [];
        }),
      ),
    );
    const view = await parts.frame(sections.flat());
    await client.views.publish({
      user_id: userId,
      view: view as Parameters<typeof client.views.publish>[0]["view"],
    });
  };
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    await publish(client, context.teamId ?? context.enterpriseId ?? "", event.user);
  });
  return publish;
}
