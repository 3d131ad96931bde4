import type { KnownBlock, View } from "@slack/types";
import { Blocks, Elements, type ViewBlockBuilder } from "slack-block-builder";
import { BOUNDS, type SettingName, type SettingOverrides, type WorkspaceSettings } from "../domain/settings";

export const SETTINGS_IDS = {
  open: "settings_open",
  modal: "workspace_settings",
} as const;

/** Each setting's block and action id in the modal (one input per block: both are the setting's name). */
export const FIELD_BLOCKS: Record<SettingName, string> = {
  leads: "settings_leads",
  leadGroup: "settings_lead_group",
  triageChannel: "settings_triage_channel",
  acknowledgeWithinWorkingDays: "settings_ack_days",
  retentionYears: "settings_retention_years",
  anonymousDailyLimit: "settings_anonymous_limit",
  knowledgeOwners: "settings_knowledge_owners",
  digestTime: "settings_digest_time",
};

const plain = (text: string) => ({ type: "plain_text" as const, text });

function peopleText(settings: WorkspaceSettings): string {
  const named = settings.leads.map((id) => `<@${id}>`);
  if (settings.leadGroup) named.push(`<!subteam^${settings.leadGroup}>`);
  return named.length > 0 ? named.join(" ") : "nobody yet";
}

/** App Home's Settings section, for admins and owners only. */
export function settingsHomeBlocks(settings: WorkspaceSettings): ViewBlockBuilder[] {
  const lines = [
    `• Concern leads: ${peopleText(settings)}`,
    `• Triage channel: ${settings.triageChannel ? `<#${settings.triageChannel}>` : "none"}`,
    `• Acknowledge within ${settings.acknowledgeWithinWorkingDays} working days; concerns kept ${settings.retentionYears} years`,
    `• Anonymous concerns per person per day: ${settings.anonymousDailyLimit}`,
  ];
  return [
    Blocks.Divider(),
    Blocks.Section({ text: `*Settings* (only workspace admins see this)\n${lines.join("\n")}` }).accessory(
      Elements.Button({ text: "Change settings", actionId: SETTINGS_IDS.open }),
    ),
  ];
}

function numberInput(name: SettingName, label: string, value: number | undefined, fallback: number): KnownBlock {
  const bounds = BOUNDS[name as keyof typeof BOUNDS];
  return {
    type: "input",
    block_id: FIELD_BLOCKS[name],
    optional: true,
    label: plain(label),
    hint: plain(`From ${bounds.min} to ${bounds.max}. Leave empty for the default (${fallback}).`),
    element: {
      type: "number_input",
      action_id: FIELD_BLOCKS[name],
      is_decimal_allowed: false,
      min_value: String(bounds.min),
      max_value: String(bounds.max),
      ...(value !== undefined ? { initial_value: String(value) } : {}),
    },
  };
}

function textInput(name: SettingName, label: string, hint: string, value: string | undefined): KnownBlock {
  return {
    type: "input",
    block_id: FIELD_BLOCKS[name],
    optional: true,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: "plain_text_input",
      action_id: FIELD_BLOCKS[name],
      max_length: 40,
      ...(value ? { initial_value: value } : {}),
    },
  };
}

/** The Settings modal: filled with what this workspace's admins have set; an empty field is the default. */
export function settingsModal(overrides: SettingOverrides, defaults: WorkspaceSettings): View {
  return {
    type: "modal",
    callback_id: SETTINGS_IDS.modal,
    title: plain("Settings"),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: FIELD_BLOCKS.leads,
        optional: true,
        label: plain("Concern leads"),
        hint: plain("Who may acknowledge, handle and resolve concerns. Empty: the default."),
        element: {
          type: "multi_users_select",
          action_id: FIELD_BLOCKS.leads,
          ...(overrides.leads?.length ? { initial_users: [...overrides.leads] } : {}),
        },
      },
      textInput(
        "leadGroup",
        "Concern lead user group",
        "A user group id such as S012AB3CD: its members are leads too. Empty: the default.",
        overrides.leadGroup ?? undefined,
      ),
      {
        type: "input",
        block_id: FIELD_BLOCKS.triageChannel,
        optional: true,
        label: plain("Triage channel"),
        hint: plain("Where new concerns are posted for the leads. Empty: the default."),
        element: {
          type: "conversations_select",
          action_id: FIELD_BLOCKS.triageChannel,
          filter: { include: ["public", "private"], exclude_bot_users: true },
          ...(overrides.triageChannel ? { initial_conversation: overrides.triageChannel } : {}),
        },
      },
      numberInput(
        "acknowledgeWithinWorkingDays",
        "Working days to acknowledge",
        overrides.acknowledgeWithinWorkingDays,
        defaults.acknowledgeWithinWorkingDays,
      ),
      numberInput("retentionYears", "Years concerns are kept", overrides.retentionYears, defaults.retentionYears),
      numberInput(
        "anonymousDailyLimit",
        "Anonymous concerns per person per day",
        overrides.anonymousDailyLimit,
        defaults.anonymousDailyLimit,
      ),
    ],
  };
}

/** A settings modal that only says something. */
function noticeModal(text: string): View {
  return {
    type: "modal",
    title: plain("Settings"),
    close: plain("Close"),
    blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  };
}

export function refusalModal(): View {
  return noticeModal("Sorry, only workspace admins and owners can change these settings. Nothing was changed.");
}

export function savedModal(count: number): View {
  return noticeModal(
    count === 0 ? "Nothing had changed." : `Saved: ${count} setting${count === 1 ? "" : "s"} changed.`,
  );
}
