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

/**
 * Who-is-it settings are a choice first (the environment's default, nobody, or the ones named),
 * so that "nobody" is something an admin can say, and an empty field never means it by accident.
 */
export const CHOICE_BLOCKS = {
  leads: "settings_leads_choice",
  knowledgeOwnersGroup: "settings_knowledge_owners_group",
  knowledgeOwnersChannel: "settings_knowledge_owners_channel",
} as const;

export const CHOICES = {
  default: "default",
  none: "none",
  named: "named",
  usergroup: "usergroup",
  channel: "channel",
} as const;

const plain = (text: string) => ({ type: "plain_text" as const, text });

function peopleText(settings: WorkspaceSettings): string {
  const named = settings.leads.map((id) => `<@${id}>`);
  if (settings.leadGroup) named.push(`<!subteam^${settings.leadGroup}>`);
  return named.length > 0 ? named.join(" ") : "nobody yet";
}

export function ownersText(owners: WorkspaceSettings["knowledgeOwners"]): string {
  if (!owners) return "nobody";
  return owners.kind === "usergroup" ? `<!subteam^${owners.id}>` : `<#${owners.id}>`;
}

/** App Home's Settings section, for admins and owners only. */
export function settingsHomeBlocks(settings: WorkspaceSettings): ViewBlockBuilder[] {
  const lines = [
    `• Concern leads: ${peopleText(settings)}`,
    `• Triage channel: ${settings.triageChannel ? `<#${settings.triageChannel}>` : "none"}`,
    `• Acknowledge within ${settings.acknowledgeWithinWorkingDays} working days; concerns kept ${settings.retentionYears} years`,
    `• Anonymous concerns per person per day: ${settings.anonymousDailyLimit}`,
    `• Policy leads (knowledge owners): ${ownersText(settings.knowledgeOwners)}`,
    `• Digest time when \`/digest subscribe\` names none: ${settings.digestTime ?? "none (a time must be given)"}`,
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

function textInput(
  name: SettingName,
  label: string,
  hint: string,
  value: string | undefined,
  blockId = FIELD_BLOCKS[name],
): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: "plain_text_input",
      action_id: blockId,
      max_length: 40,
      ...(value ? { initial_value: value } : {}),
    },
  };
}

type Option = { value: string; text: string };

/** Slack's option texts are at most 75 characters: a long list of default leads is cut at a whole mention. */
function clip(text: string): string {
  if (text.length <= 75) return text;
  const cut = text.slice(0, 72);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 0))} …)`;
}

function radio(blockId: string, label: string, options: Option[], chosen: string, hint?: string): KnownBlock {
  // Radio options may be mrkdwn, so the defaults show people, groups and channels by name.
  const toOption = (option: Option) => ({
    value: option.value,
    text: { type: "mrkdwn" as const, text: clip(option.text) },
  });
  const initial = options.find((option) => option.value === chosen) ?? options[0];
  return {
    type: "input",
    block_id: blockId,
    label: plain(label),
    ...(hint ? { hint: plain(hint) } : {}),
    element: {
      type: "radio_buttons",
      action_id: blockId,
      options: options.map(toOption),
      ...(initial ? { initial_option: toOption(initial) } : {}),
    },
  };
}

function defaultPeople(defaults: WorkspaceSettings): string {
  const named = defaults.leads.map((id) => `<@${id}>`);
  if (defaults.leadGroup) named.push(`<!subteam^${defaults.leadGroup}>`);
  return named.length > 0 ? named.join(" ") : "nobody";
}

function leadsChoice(overrides: SettingOverrides): string {
  if (overrides.leads === undefined && overrides.leadGroup === undefined) return CHOICES.default;
  if ((overrides.leads ?? []).length === 0 && !overrides.leadGroup) return CHOICES.none;
  return CHOICES.named;
}

function ownersChoice(overrides: SettingOverrides): string {
  if (overrides.knowledgeOwners === undefined) return CHOICES.default;
  return overrides.knowledgeOwners === null ? CHOICES.none : overrides.knowledgeOwners.kind;
}

/** The Settings modal: filled with what this workspace's admins have set; an empty field is the default. */
export function settingsModal(overrides: SettingOverrides, defaults: WorkspaceSettings): View {
  const owners = overrides.knowledgeOwners;
  return {
    type: "modal",
    callback_id: SETTINGS_IDS.modal,
    title: plain("Settings"),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks: [
      radio(
        CHOICE_BLOCKS.leads,
        "Concern leads",
        [
          { value: CHOICES.default, text: `The default (${defaultPeople(defaults)})` },
          { value: CHOICES.none, text: "Nobody: no one here can acknowledge or handle concerns" },
          { value: CHOICES.named, text: "The people and user group named below" },
        ],
        leadsChoice(overrides),
        "Who may acknowledge, handle and resolve concerns. The fields below count only with the last choice.",
      ),
      {
        type: "input",
        block_id: FIELD_BLOCKS.leads,
        optional: true,
        label: plain("Lead people"),
        element: {
          type: "multi_users_select",
          action_id: FIELD_BLOCKS.leads,
          ...(overrides.leads?.length ? { initial_users: [...overrides.leads] } : {}),
        },
      },
      textInput(
        "leadGroup",
        "Lead user group",
        "A user group id such as S012AB3CD: its members are leads too.",
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
      radio(
        FIELD_BLOCKS.knowledgeOwners,
        "Policy leads (knowledge owners)",
        [
          { value: CHOICES.default, text: `The default (${ownersText(defaults.knowledgeOwners)})` },
          { value: CHOICES.none, text: "Nobody: questions the bot cannot answer go to no one" },
          { value: CHOICES.usergroup, text: "The user group below: each member is asked by DM" },
          { value: CHOICES.channel, text: "The channel below: asked there, its members answer" },
        ],
        ownersChoice(overrides),
        "Who answers the questions the bot cannot.",
      ),
      textInput(
        "knowledgeOwners",
        "Policy lead user group",
        "A user group id such as S012AB3CD.",
        owners?.kind === "usergroup" ? owners.id : undefined,
        CHOICE_BLOCKS.knowledgeOwnersGroup,
      ),
      {
        type: "input",
        block_id: CHOICE_BLOCKS.knowledgeOwnersChannel,
        optional: true,
        label: plain("Policy lead channel"),
        hint: plain("Invite the bot to it, so it can post there and see who is in it."),
        element: {
          type: "conversations_select",
          action_id: CHOICE_BLOCKS.knowledgeOwnersChannel,
          filter: { include: ["public", "private"], exclude_bot_users: true },
          ...(owners?.kind === "channel" ? { initial_conversation: owners.id } : {}),
        },
      },
      {
        type: "input",
        block_id: FIELD_BLOCKS.digestTime,
        optional: true,
        label: plain("Default digest time"),
        hint: plain(
          `Used when /digest subscribe names no time (London time). Empty: the default (${defaults.digestTime ?? "none: a time must be given"}).`,
        ),
        element: {
          type: "timepicker",
          action_id: FIELD_BLOCKS.digestTime,
          ...(overrides.digestTime ? { initial_time: overrides.digestTime } : {}),
        },
      },
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
