import type { App } from "@slack/bolt";
import type { Logger } from "../logger";
import type { WorkspaceRepository } from "../storage/workspaces";

/** Records each workspace the app hears from (once per process), without holding up the request. */
export function registerWorkspaceTracking(app: App, deps: { workspaces: WorkspaceRepository; logger: Logger }): void {
  app.use(async ({ context, next }) => {
    const teamId = context.teamId ?? context.enterpriseId;
    if (teamId) {
      deps.workspaces
        .recordSeen(teamId, null, context.teamId ? (context.enterpriseId ?? null) : null)
        .catch((error: unknown) => deps.logger.warn("Could not record workspace", error));
    }
    await next();
  });
}
