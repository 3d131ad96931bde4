import type { SettingName } from "../domain/settings";
import { CHOICE_BLOCKS, CHOICES, FIELD_BLOCKS, type LeadsChoice, type OwnersChoice, type SettingsForm } from "./views";

export type StateValues = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_users?: string[] | null;
      selected_conversation?: string | null;
      selected_time?: string | null;
      selected_option?: { value?: string } | null;
    }
  >
>;

const LEADS_CHOICES: readonly string[] = [CHOICES.default, CHOICES.none, CHOICES.named];
const OWNERS_CHOICES: readonly string[] = [CHOICES.default, CHOICES.none, CHOICES.usergroup, CHOICES.channel];

/** The modal's state, block by block (each block holds one element, with the block's id as its action id). */
function reader(values: StateValues) {
  const entry = (block: string) => values[block]?.[block];
  return {
    shown: (block: string) => entry(block) !== undefined,
    text: (block: string) => entry(block)?.value?.trim() || undefined,
    users: (block: string) => entry(block)?.selected_users ?? [],
    conversation: (block: string) => entry(block)?.selected_conversation || undefined,
    time: (block: string) => entry(block)?.selected_time || undefined,
    option: (block: string) => entry(block)?.selected_option?.value,
  };
}

/**
 * What the modal holds now (Slack's `view.state.values`), for drawing it again: a field the view
 * does not show (its choice was not made) is as `before` (what is saved), for when it is chosen.
 */
export function formFromState(values: StateValues, before: SettingsForm): SettingsForm {
  const read = reader(values);
  const pick = <T>(block: string, value: T, kept: T): T => (read.shown(block) ? value : kept);
  const leadsChoice = read.option(CHOICE_BLOCKS.leads);
  const ownersChoice = read.option(FIELD_BLOCKS.knowledgeOwners);
  const number = (name: "acknowledgeWithinWorkingDays" | "retentionYears" | "anonymousDailyLimit") =>
    pick(FIELD_BLOCKS[name], read.text(FIELD_BLOCKS[name]), before[name]);
  return {
    leadsChoice: leadsChoice && LEADS_CHOICES.includes(leadsChoice) ? (leadsChoice as LeadsChoice) : before.leadsChoice,
    leads: pick(FIELD_BLOCKS.leads, read.users(FIELD_BLOCKS.leads), before.leads),
    leadGroup: pick(FIELD_BLOCKS.leadGroup, read.text(FIELD_BLOCKS.leadGroup), before.leadGroup),
    triageChannel: pick(
      FIELD_BLOCKS.triageChannel,
      read.conversation(FIELD_BLOCKS.triageChannel),
      before.triageChannel,
    ),
    acknowledgeWithinWorkingDays: number("acknowledgeWithinWorkingDays"),
    retentionYears: number("retentionYears"),
    anonymousDailyLimit: number("anonymousDailyLimit"),
    ownersChoice:
      ownersChoice && OWNERS_CHOICES.includes(ownersChoice) ? (ownersChoice as OwnersChoice) : before.ownersChoice,
    ownersGroup: pick(
      CHOICE_BLOCKS.knowledgeOwnersGroup,
      read.text(CHOICE_BLOCKS.knowledgeOwnersGroup),
      before.ownersGroup,
    ),
    ownersChannel: pick(
      CHOICE_BLOCKS.knowledgeOwnersChannel,
      read.conversation(CHOICE_BLOCKS.knowledgeOwnersChannel),
      before.ownersChannel,
    ),
    digestTime: pick(FIELD_BLOCKS.digestTime, read.time(FIELD_BLOCKS.digestTime), before.digestTime),
  };
}

export type FormReading = { ok: true; raw: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

const AGAINST_LEADS = "Clear this, or choose “These people and user group” for the concern leads.";
const AGAINST_OWNERS = "Clear this, or choose it for the policy leads above.";

/**
 * The submitted modal as the settings' raw values: an empty field is left out (the default). The
 * leads and the policy leads are what their choice says. The modal shows only the fields that go
 * with each choice, but a client that never drew it again may still hold others: a field filled in
 * against the choice is pointed out next to it rather than ignored, so nobody saves something other
 * than what they see.
 */
export function readSettingsForm(values: StateValues): FormReading {
  const read = reader(values);
  const number = (name: SettingName) => {
    const raw = read.text(FIELD_BLOCKS[name]);
    return raw === undefined ? undefined : Number(raw);
  };
  const errors: Record<string, string> = {};
  const raw: Record<string, unknown> = {
    triageChannel: read.conversation(FIELD_BLOCKS.triageChannel),
    acknowledgeWithinWorkingDays: number("acknowledgeWithinWorkingDays"),
    retentionYears: number("retentionYears"),
    anonymousDailyLimit: number("anonymousDailyLimit"),
    digestTime: read.time(FIELD_BLOCKS.digestTime),
  };

  const people = read.users(FIELD_BLOCKS.leads);
  const group = read.text(FIELD_BLOCKS.leadGroup);
  const leadsChoice = read.option(CHOICE_BLOCKS.leads) ?? CHOICES.default;
  if (leadsChoice === CHOICES.named) {
    if (people.length === 0 && !group)
      errors[CHOICE_BLOCKS.leads] = read.shown(FIELD_BLOCKS.leads)
        ? "Name at least one person or a user group below, or choose Nobody."
        : "Name at least one person or a user group (choose this again if their fields are not shown), or choose Nobody.";
    raw.leads = people;
    raw.leadGroup = group ?? null;
  } else {
    if (people.length > 0) errors[FIELD_BLOCKS.leads] = AGAINST_LEADS;
    if (group) errors[FIELD_BLOCKS.leadGroup] = AGAINST_LEADS;
    if (leadsChoice === CHOICES.none) {
      raw.leads = [];
      raw.leadGroup = null;
    }
  }

  const ownerGroup = read.text(CHOICE_BLOCKS.knowledgeOwnersGroup);
  const ownerChannel = read.conversation(CHOICE_BLOCKS.knowledgeOwnersChannel);
  const ownersChoice = read.option(FIELD_BLOCKS.knowledgeOwners) ?? CHOICES.default;
  const chosen =
    ownersChoice === CHOICES.usergroup
      ? { id: ownerGroup, block: CHOICE_BLOCKS.knowledgeOwnersGroup, what: "user group" }
      : ownersChoice === CHOICES.channel
        ? { id: ownerChannel, block: CHOICE_BLOCKS.knowledgeOwnersChannel, what: "channel" }
        : null;
  if (ownerGroup && ownersChoice !== CHOICES.usergroup)
    errors[CHOICE_BLOCKS.knowledgeOwnersGroup] =
      ownersChoice === CHOICES.channel
        ? "Clear this: the policy leads are one user group or one channel."
        : AGAINST_OWNERS;
  if (ownerChannel && ownersChoice !== CHOICES.channel)
    errors[CHOICE_BLOCKS.knowledgeOwnersChannel] =
      ownersChoice === CHOICES.usergroup
        ? "Clear this: the policy leads are one user group or one channel."
        : AGAINST_OWNERS;
  if (chosen && !chosen.id) {
    if (read.shown(chosen.block)) errors[chosen.block] = "Fill this in, or choose another option for the policy leads.";
    else
      errors[FIELD_BLOCKS.knowledgeOwners] =
        `Name the ${chosen.what} (choose this again if its field is not shown), or choose another option.`;
  }
  if (chosen?.id) raw.knowledgeOwners = { kind: ownersChoice, id: chosen.id };
  else if (ownersChoice === CHOICES.none) raw.knowledgeOwners = null;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
  return { ok: true, raw };
}
