import type { App, Installation } from "@slack/bolt";
import type { Logger } from "../logger";
import type { InstallationRepository } from "../storage/installations";
import type { WorkspaceRepository } from "../storage/workspaces";
import type { WorkspaceClients } from "./workspace-clients";

/** What the features do when the app arrives in, or leaves, a workspace. */
export interface UninstallHooks {
  installed(workspaceId: string): Promise<unknown>;
  uninstalled(workspaceId: string): Promise<unknown>;
}

interface InstallationDeps {
  installations: InstallationRepository | null;
  workspaces: WorkspaceRepository;
  clients: WorkspaceClients;
  hooks: UninstallHooks;
  logger: Logger;
}

/**
 * `app_uninstalled`, and `tokens_revoked` for the bot token: the workspace's installation (and
 * its tokens) is deleted, and its scheduled work stops. Bolt delivers both events without
 * authorising them, since the token is already gone.
 */
export function registerInstallation(app: App, deps: InstallationDeps): void {
  app.event("app_uninstalled", async ({ context }) => {
    await removeInstallation(deps, context, "the app was uninstalled");
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await removeInstallation(deps, context, "its bot token was revoked");
  });
}

/** After Bolt stores an installation (OAuth's last step): the workspace is recorded and paused work resumes. */
export async function installationStored(
  installation: Installation,
  deps: Pick<InstallationDeps, "workspaces" | "clients" | "hooks" | "logger">,
): Promise<void> {
  const enterpriseId = installation.enterprise?.id ?? null;
  const workspaceId = installation.isEnterpriseInstall ? enterpriseId : (installation.team?.id ?? null);
  if (!workspaceId) return;
  const name = installation.isEnterpriseInstall ? installation.enterprise?.name : installation.team?.name;
  await deps.workspaces.recordSeen(workspaceId, name ?? null, installation.isEnterpriseInstall ? null : enterpriseId);
  deps.clients.forget(workspaceId);
  const covered =
    installation.isEnterpriseInstall && enterpriseId ? await deps.workspaces.inEnterprise(enterpriseId) : [];
  for (const id of [workspaceId, ...covered]) await deps.hooks.installed(id);
  deps.logger.info(`Installed in ${installation.isEnterpriseInstall ? "organisation" : "workspace"} ${workspaceId}`);
}

async function removeInstallation(
  deps: InstallationDeps,
  context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean },
  why: string,
): Promise<void> {
  const { teamId, enterpriseId } = context;
  const isEnterpriseInstall = Boolean(context.isEnterpriseInstall);
  const workspaceId = isEnterpriseInstall ? enterpriseId : (teamId ?? enterpriseId);
  if (!workspaceId) return;
  const removed = deps.installations
    ? await deps.installations.remove({ teamId, enterpriseId, isEnterpriseInstall })
    : [];
  const affected = isEnterpriseInstall && enterpriseId ? await deps.workspaces.inEnterprise(enterpriseId) : [];
  for (const id of [workspaceId, ...affected]) {
    deps.clients.forget(id);
    await deps.hooks.uninstalled(id);
  }
  deps.logger.warn(
    `Stopped work for ${workspaceId}: ${why}` +
      (deps.installations ? ` (${removed.length} installation(s) deleted)` : " (SLACK_BOT_TOKEN no longer works)"),
  );
}
