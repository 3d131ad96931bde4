import type { App } from "@slack/bolt";
import type { ViewBlockBuilder } from "slack-block-builder";
import type { SharedCore } from "../../core-types";
import type { WorkspaceClients } from "../../slack/workspace-clients";
import { type SettingsForWorkspace, WorkspaceSettingsService } from "./domain/service";
import type { WorkspaceSettings } from "./domain/settings";
import { WorkspaceAdmins } from "./slack/admins";
import { SettingsRepository } from "./storage/settings-repository";

export type { SettingsForWorkspace } from "./domain/service";
export type { WorkspaceSettings } from "./domain/settings";

type SlackClient = App["client"];

/** Per-workspace settings, set by the workspace's admins on App Home; the environment gives the defaults. */
export interface SettingsFeature extends SettingsForWorkspace {
  service: WorkspaceSettingsService;
  /** The Settings section of App Home: for admins and owners only, empty for everyone else. */
  homeSection(workspaceId: string, userId: string): Promise<ViewBlockBuilder[]>;
  register(
    app: App,
    clients: WorkspaceClients,
    refreshHome: (client: SlackClient, workspaceId: string, userId: string) => Promise<void>,
  ): Promise<void>;
}

export function environmentDefaults(config: SharedCore["config"]): WorkspaceSettings {
  return {
    leads: config.concerns.leads,
    leadGroup: config.concerns.leadGroup,
    triageChannel: config.concerns.triageChannel,
    acknowledgeWithinWorkingDays: config.concerns.acknowledgeWithinWorkingDays,
    retentionYears: config.concerns.retentionYears,
    anonymousDailyLimit: config.concerns.anonymousDailyLimit,
    knowledgeOwners: config.knowledge.owners,
    digestTime: config.minutes.defaultDigestTime,
  };
}

export function createSettings(core: SharedCore): SettingsFeature {
  const service = new WorkspaceSettingsService(
    new SettingsRepository(core.database.db),
    environmentDefaults(core.config),
    core.clock,
  );
  const admins = new WorkspaceAdmins(core.clock);
  let clients: WorkspaceClients | null = null;
  return {
    service,
    forWorkspace: (workspaceId, options) => service.forWorkspace(workspaceId, options),
    homeSection: async (workspaceId, userId) => {
      const client = await clients?.forWorkspace(workspaceId);
      if (!client) return [];
      const { usersInfo } = await import("./slack/listeners");
      if (!(await admins.isAdmin(workspaceId, userId, usersInfo(client)))) return [];
      const { settingsHomeBlocks } = await import("./slack/views");
      return settingsHomeBlocks(await service.forWorkspace(workspaceId));
    },
    register: async (app, workspaceClients, refreshHome) => {
      clients = workspaceClients;
      const { registerSettingsListeners } = await import("./slack/listeners");
      registerSettingsListeners(app, { settings: service, admins, refreshHome, logger: core.logger });
    },
  };
}
