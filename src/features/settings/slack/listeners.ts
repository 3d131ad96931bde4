import type { App, BlockAction, ViewSubmitAction } from "@slack/bolt";
import type { Logger } from "../../../logger";
import { openModal } from "../../../slack/open-modal";
import type { WorkspaceSettingsService } from "../domain/service";
import type { SettingName } from "../domain/settings";
import type { WorkspaceAdmins } from "./admins";
import { CHOICE_BLOCKS, CHOICES, FIELD_BLOCKS, refusalModal, SETTINGS_IDS, savedModal, settingsModal } from "./views";

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
      selected_option?: { value?: string } | null;
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

type FormReading = { ok: true; raw: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/**
 * The modal's fields as the settings' raw values: an empty field is left out (the default). The
 * leads and the policy leads are what their choice says; a field filled in against the choice is
 * pointed out rather than ignored, so nobody saves something other than what they see.
 */
export function readSettingsForm(values: StateValues): FormReading {
  const entry = (block: string) => values[block]?.[block];
  const field = (name: SettingName) => entry(FIELD_BLOCKS[name]);
  const text = (name: SettingName) => field(name)?.value?.trim() || undefined;
  const number = (name: SettingName) => {
    const raw = text(name);
    return raw === undefined ? undefined : Number(raw);
  };
  const errors: Record<string, string> = {};
  const raw: Record<string, unknown> = {
    triageChannel: field("triageChannel")?.selected_conversation || undefined,
    acknowledgeWithinWorkingDays: number("acknowledgeWithinWorkingDays"),
    retentionYears: number("retentionYears"),
    anonymousDailyLimit: number("anonymousDailyLimit"),
    digestTime: field("digestTime")?.selected_time || undefined,
  };

  const people = field("leads")?.selected_users ?? [];
  const group = text("leadGroup");
  const leadsChoice = entry(CHOICE_BLOCKS.leads)?.selected_option?.value ?? CHOICES.default;
  if (leadsChoice === CHOICES.named) {
    if (people.length === 0 && !group)
      errors[CHOICE_BLOCKS.leads] = "Name at least one person or a user group below, or choose Nobody.";
    raw.leads = people;
    raw.leadGroup = group ?? null;
  } else if (people.length > 0 || group) {
    errors[CHOICE_BLOCKS.leads] =
      "You named leads below: choose “The people and user group named below”, or clear those fields.";
  } else if (leadsChoice === CHOICES.none) {
    raw.leads = [];
    raw.leadGroup = null;
  }

  const ownerGroup = entry(CHOICE_BLOCKS.knowledgeOwnersGroup)?.value?.trim() || undefined;
  const ownerChannel = entry(CHOICE_BLOCKS.knowledgeOwnersChannel)?.selected_conversation || undefined;
  const ownersChoice = field("knowledgeOwners")?.selected_option?.value ?? CHOICES.default;
  if (ownersChoice === CHOICES.usergroup || ownersChoice === CHOICES.channel) {
    const id = ownersChoice === CHOICES.usergroup ? ownerGroup : ownerChannel;
    const other = ownersChoice === CHOICES.usergroup ? ownerChannel : ownerGroup;
    const [block, otherBlock] =
      ownersChoice === CHOICES.usergroup
        ? [CHOICE_BLOCKS.knowledgeOwnersGroup, CHOICE_BLOCKS.knowledgeOwnersChannel]
        : [CHOICE_BLOCKS.knowledgeOwnersChannel, CHOICE_BLOCKS.knowledgeOwnersGroup];
    if (!id) errors[block] = `Fill this in, or choose another option for the policy leads.`;
    if (other) errors[otherBlock] = "Clear this: the policy leads are one user group or one channel.";
    if (id) raw.knowledgeOwners = { kind: ownersChoice, id };
  } else if (ownerGroup || ownerChannel) {
    errors[FIELD_BLOCKS.knowledgeOwners] =
      "You named a user group or channel below: choose it here, or clear those fields.";
  } else if (ownersChoice === CHOICES.none) {
    raw.knowledgeOwners = null;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  return { ok: true, raw };
}

/** The block that shows a setting's error: for the policy leads, the field that named them. */
function errorBlock(name: SettingName, raw: Record<string, unknown>): string {
  if (name !== "knowledgeOwners") return FIELD_BLOCKS[name];
  const owners = raw.knowledgeOwners as { kind?: string } | undefined;
  return owners?.kind === "channel" ? CHOICE_BLOCKS.knowledgeOwnersChannel : CHOICE_BLOCKS.knowledgeOwnersGroup;
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
    const form = readSettingsForm((view.state?.values ?? {}) as StateValues);
    if (!form.ok) {
      await ack({ response_action: "errors", errors: form.errors });
      return;
    }
    const saved = await deps.settings.save(workspaceId, form.raw, userId);
    if (!saved.ok) {
      const errors: Record<string, string> = {};
      for (const [name, message] of Object.entries(saved.errors))
        errors[errorBlock(name as SettingName, form.raw)] = message;
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack({ response_action: "update", view: savedModal(saved.changes.length) });
    await deps.refreshHome(client, workspaceId, userId).catch((error: unknown) => {
      deps.logger.warn("Could not refresh App Home after saving settings", error);
    });
  });
}
