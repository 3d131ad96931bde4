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

/** Slack refuses a number input whose initial value is outside its bounds: one typed so is left to Slack to keep. */
function within(value: string, bounds: { min: number; max: number }): boolean {
  const number = Number(value);
  return Number.isInteger(number) && number >= bounds.min && number <= bounds.max;
}

function numberInput(name: SettingName, label: string, value: string | undefined, fallback: number): KnownBlock {
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
      ...(value && within(value, bounds) ? { initial_value: value } : {}),
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
    // Each choice brings up only the fields that go with it: Slack tells the app of a new choice at once.
    dispatch_action: true,
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

export type LeadsChoice = typeof CHOICES.default | typeof CHOICES.none | typeof CHOICES.named;
export type OwnersChoice =
  | typeof CHOICES.default
  | typeof CHOICES.none
  | typeof CHOICES.usergroup
  | typeof CHOICES.channel;

/** What the modal shows: each choice, the fields that go with it, and the other settings, as entered. */
export interface SettingsForm {
  leadsChoice: LeadsChoice;
  leads: readonly string[];
  leadGroup?: string;
  triageChannel?: string;
  /** Whole numbers as typed (number inputs hold text). */
  acknowledgeWithinWorkingDays?: string;
  retentionYears?: string;
  anonymousDailyLimit?: string;
  ownersChoice: OwnersChoice;
  ownersGroup?: string;
  ownersChannel?: string;
  digestTime?: string;
}

function leadsChoice(overrides: SettingOverrides): LeadsChoice {
  if (overrides.leads === undefined && overrides.leadGroup === undefined) return CHOICES.default;
  if ((overrides.leads ?? []).length === 0 && !overrides.leadGroup) return CHOICES.none;
  return CHOICES.named;
}

function ownersChoice(overrides: SettingOverrides): OwnersChoice {
  if (overrides.knowledgeOwners === undefined) return CHOICES.default;
  return overrides.knowledgeOwners === null ? CHOICES.none : overrides.knowledgeOwners.kind;
}

const numberText = (value: number | undefined) => (value === undefined ? undefined : String(value));

/** The modal as this workspace's admins left it. */
export function formFromOverrides(overrides: SettingOverrides): SettingsForm {
  const owners = overrides.knowledgeOwners;
  return {
    leadsChoice: leadsChoice(overrides),
    leads: overrides.leads ?? [],
    leadGroup: overrides.leadGroup ?? undefined,
    triageChannel: overrides.triageChannel ?? undefined,
    acknowledgeWithinWorkingDays: numberText(overrides.acknowledgeWithinWorkingDays),
    retentionYears: numberText(overrides.retentionYears),
    anonymousDailyLimit: numberText(overrides.anonymousDailyLimit),
    ownersChoice: ownersChoice(overrides),
    ownersGroup: owners?.kind === "usergroup" ? owners.id : undefined,
    ownersChannel: owners?.kind === "channel" ? owners.id : undefined,
    digestTime: overrides.digestTime ?? undefined,
  };
}

function peopleInput(form: SettingsForm): KnownBlock {
  return {
    type: "input",
    block_id: FIELD_BLOCKS.leads,
    optional: true,
    label: plain("Lead people"),
    element: {
      type: "multi_users_select",
      action_id: FIELD_BLOCKS.leads,
      ...(form.leads.length > 0 ? { initial_users: [...form.leads] } : {}),
    },
  };
}

function channelInput(blockId: string, label: string, hint: string, channel: string | undefined): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: "conversations_select",
      action_id: blockId,
      filter: { include: ["public", "private"], exclude_bot_users: true },
      ...(channel ? { initial_conversation: channel } : {}),
    },
  };
}

/**
 * The Settings modal, showing for each who-is-it choice only the fields that go with it (drawn
 * again whenever a choice changes); an empty field is the default.
 */
export function settingsModal(form: SettingsForm, defaults: WorkspaceSettings): View {
  const leadFields =
    form.leadsChoice === CHOICES.named
      ? [
          peopleInput(form),
          textInput(
            "leadGroup",
            "Lead user group",
            "A user group id such as S012AB3CD: its members are leads too.",
            form.leadGroup,
          ),
        ]
      : [];
  const ownerFields =
    form.ownersChoice === CHOICES.usergroup
      ? [
          textInput(
            "knowledgeOwners",
            "Policy lead user group",
            "A user group id such as S012AB3CD.",
            form.ownersGroup,
            CHOICE_BLOCKS.knowledgeOwnersGroup,
          ),
        ]
      : form.ownersChoice === CHOICES.channel
        ? [
            channelInput(
              CHOICE_BLOCKS.knowledgeOwnersChannel,
              "Policy lead channel",
              "Invite the bot to it, so it can post there and see who is in it.",
              form.ownersChannel,
            ),
          ]
        : [];
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
          { value: CHOICES.named, text: "These people and user group" },
        ],
        form.leadsChoice,
        "Who may acknowledge, handle and resolve concerns.",
      ),
      ...leadFields,
      channelInput(
        FIELD_BLOCKS.triageChannel,
        "Triage channel",
        "Where new concerns are posted for the leads. Empty: the default.",
        form.triageChannel,
      ),
      numberInput(
        "acknowledgeWithinWorkingDays",
        "Working days to acknowledge",
        form.acknowledgeWithinWorkingDays,
        defaults.acknowledgeWithinWorkingDays,
      ),
      numberInput("retentionYears", "Years concerns are kept", form.retentionYears, defaults.retentionYears),
      numberInput(
        "anonymousDailyLimit",
        "Anonymous concerns per person per day",
        form.anonymousDailyLimit,
        defaults.anonymousDailyLimit,
      ),
      radio(
        FIELD_BLOCKS.knowledgeOwners,
        "Policy leads (knowledge owners)",
        [
          { value: CHOICES.default, text: `The default (${ownersText(defaults.knowledgeOwners)})` },
          { value: CHOICES.none, text: "Nobody: questions the bot cannot answer go to no one" },
          { value: CHOICES.usergroup, text: "A user group: each member is asked by DM" },
          { value: CHOICES.channel, text: "A channel: asked there, its members answer" },
        ],
        form.ownersChoice,
        "Who answers the questions the bot cannot.",
      ),
      ...ownerFields,
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
          ...(form.digestTime ? { initial_time: form.digestTime } : {}),
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
