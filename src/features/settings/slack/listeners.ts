import type { App, BlockAction, ViewSubmitAction } from "@slack/bolt";
import type { Logger } from "../../../logger";
import { openModal } from "../../../slack/open-modal";
import type { WorkspaceSettingsService } from "../domain/service";
import type { SettingName } from "../domain/settings";
import type { WorkspaceAdmins } from "./admins";
import { FIELD_BLOCKS, refusalModal, SETTINGS_IDS, savedModal, settingsModal } from "./views";

type SlackClient = App["client"];

export interface SettingsSlackDeps {
  settings: WorkspaceSettingsService;
  admins: WorkspaceAdmins;
  /** Draws the person's App Home again, so it shows the settings just saved. */
  refreshHome(client: SlackClient, workspaceId: string, userId: string): Promise<void>;
  logger: Logger;
}

type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_users?: string[];
      selected_conversation?: string | null;
      selected_time?: string | null;
    }
  >
>;

function workspaceOf(body: { team?: { id?: string } | null; user?: { team_id?: string } | null }): string {
  const id = body.team?.id ?? body.user?.team_id;
  if (!id) throw new Error("The request names no workspace");
  return id;
}

export function usersInfo(client: SlackClient) {
  return async (userId: string) => (await client.users.info({ user: userId })).user ?? null;
}

/** The modal's fields as the settings' raw values: an empty field is left out (the default). */
export function submittedSettings(values: StateValues): Record<string, unknown> {
  const field = (name: SettingName) => values[FIELD_BLOCKS[name]]?.[FIELD_BLOCKS[name]];
  const text = (name: SettingName) => field(name)?.value?.trim() || undefined;
  const number = (name: SettingName) => {
    const raw = text(name);
    return raw === undefined ? undefined : Number(raw);
  };
  const leads = field("leads")?.selected_users ?? [];
  const owners = text("knowledgeOwners");
  const raw: Record<string, unknown> = {
    leads: leads.length > 0 ? leads : undefined,
    leadGroup: text("leadGroup"),
    triageChannel: field("triageChannel")?.selected_conversation || undefined,
    acknowledgeWithinWorkingDays: number("acknowledgeWithinWorkingDays"),
    retentionYears: number("retentionYears"),
    anonymousDailyLimit: number("anonymousDailyLimit"),
    knowledgeOwners: owners ? { kind: owners.startsWith("S") ? "usergroup" : "channel", id: owners } : undefined,
    digestTime: field("digestTime")?.selected_time || undefined,
  };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  return raw;
}

/** App Home's Settings button and modal; the submission checks again that the person is an admin. */
export function registerSettingsListeners(app: App, deps: SettingsSlackDeps): void {
  app.action<BlockAction>(SETTINGS_IDS.open, async ({ ack, body, client }) => {
    await ack();
    const workspaceId = workspaceOf(body);
    const admin = await deps.admins.isAdmin(workspaceId, body.user.id, usersInfo(client));
    const view = admin
      ? settingsModal(await deps.settings.overrides(workspaceId), deps.settings.environmentDefaults)
      : refusalModal();
    await openModal(client, {
      triggerId: body.trigger_id,
      view,
      who: { userId: body.user.id },
      retry: "press Change settings on the bot's Home tab again.",
      logger: deps.logger,
    });
  });

  app.view<ViewSubmitAction>(SETTINGS_IDS.modal, async ({ ack, body, view, client }) => {
    const workspaceId = workspaceOf(body);
    const userId = body.user.id;
    if (!(await deps.admins.isAdmin(workspaceId, userId, usersInfo(client), true))) {
      await ack({ response_action: "update", view: refusalModal() });
      return;
    }
    const saved = await deps.settings.save(
      workspaceId,
      submittedSettings((view.state?.values ?? {}) as StateValues),
      userId,
    );
    if (!saved.ok) {
      const errors: Record<string, string> = {};
      for (const [name, message] of Object.entries(saved.errors)) errors[FIELD_BLOCKS[name as SettingName]] = message;
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack({ response_action: "update", view: savedModal(saved.changes.length) });
    await deps.refreshHome(client, workspaceId, userId).catch((error: unknown) => {
      deps.logger.warn("Could not refresh App Home after saving settings", error);
    });
  });
}
