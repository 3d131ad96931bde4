import { z } from "zod";

export type KnowledgeOwnersSetting = { kind: "usergroup" | "channel"; id: string } | null;

/** A workspace's settings as the bot uses them: the environment's defaults with the admins' overrides on top. */
export interface WorkspaceSettings {
  leads: readonly string[];
  leadGroup: string | null;
  triageChannel: string | null;
  acknowledgeWithinWorkingDays: number;
  retentionYears: number;
  anonymousDailyLimit: number;
  knowledgeOwners: KnowledgeOwnersSetting;
  /** "HH:MM"; null where no default is set. */
  digestTime: string | null;
}

export type SettingName = keyof WorkspaceSettings;

/** What the admins of one workspace have set: an absent key (or undefined) is "use the default". */
export type SettingOverrides = { [K in SettingName]?: WorkspaceSettings[K] };

export const SETTING_NAMES: readonly SettingName[] = [
  "leads",
  "leadGroup",
  "triageChannel",
  "acknowledgeWithinWorkingDays",
  "retentionYears",
  "anonymousDailyLimit",
  "knowledgeOwners",
  "digestTime",
];

export const BOUNDS = {
  acknowledgeWithinWorkingDays: { min: 1, max: 20 },
  retentionYears: { min: 1, max: 30 },
  anonymousDailyLimit: { min: 1, max: 100 },
} as const;

export function mergeSettings(defaults: WorkspaceSettings, overrides: SettingOverrides): WorkspaceSettings {
  const merged: Record<string, unknown> = { ...defaults };
  for (const name of SETTING_NAMES) if (overrides[name] !== undefined) merged[name] = overrides[name];
  return merged as unknown as WorkspaceSettings;
}

const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, "should be a Slack user id, like U012AB3CD");
const groupId = z.string().regex(/^S[A-Z0-9]{2,}$/, "should be a Slack user group id, like S012AB3CD");
const channelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, "should be a Slack channel id, like C012AB3CD");
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "should be a 24-hour time, like 09:00");
const whole = (name: keyof typeof BOUNDS) =>
  z
    .number({ message: "should be a whole number" })
    .int("should be a whole number")
    .min(BOUNDS[name].min, `should be at least ${BOUNDS[name].min}`)
    .max(BOUNDS[name].max, `should be at most ${BOUNDS[name].max}`);

/** Checks what an admin submitted; every value is optional (left out: back to the default). */
export const settingsInput = z.object({
  leads: z.array(userId).max(50, "should name at most 50 people").optional(),
  leadGroup: groupId.nullable().optional(),
  triageChannel: channelId.nullable().optional(),
  acknowledgeWithinWorkingDays: whole("acknowledgeWithinWorkingDays").optional(),
  retentionYears: whole("retentionYears").optional(),
  anonymousDailyLimit: whole("anonymousDailyLimit").optional(),
  knowledgeOwners: z
    .object({ kind: z.enum(["usergroup", "channel"]), id: z.string() })
    .nullable()
    .optional()
    .refine(
      (owners) => !owners || (owners.kind === "usergroup" ? groupId : channelId).safeParse(owners.id).success,
      "should be a user group id (S…) or a channel id (C…)",
    ),
  digestTime: time.nullable().optional(),
});

export type SettingsCheck =
  | { ok: true; overrides: SettingOverrides }
  | { ok: false; errors: Partial<Record<SettingName, string>> };

export function checkSettings(raw: unknown): SettingsCheck {
  const parsed = settingsInput.safeParse(raw);
  if (parsed.success) {
    const overrides: SettingOverrides = {};
    for (const name of SETTING_NAMES) {
      const value = parsed.data[name];
      if (value !== undefined) (overrides as Record<string, unknown>)[name] = value;
    }
    return { ok: true, overrides };
  }
  const errors: Partial<Record<SettingName, string>> = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path[0] as SettingName | undefined;
    if (name && !errors[name]) errors[name] = `This ${issue.message}.`;
  }
  return { ok: false, errors };
}

/** One change for the audit trail; a value of null is "the environment's default". */
export interface SettingChange {
  setting: SettingName;
  oldValue: string | null;
  newValue: string | null;
}

export function describeValue(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null) return "none";
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.join(",");
  if (typeof value === "object") {
    const owners = value as { kind: string; id: string };
    return `${owners.kind}:${owners.id}`;
  }
  return String(value);
}

export function settingChanges(before: SettingOverrides, after: SettingOverrides): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const setting of SETTING_NAMES) {
    const oldValue = describeValue(before[setting]);
    const newValue = describeValue(after[setting]);
    if (oldValue !== newValue) changes.push({ setting, oldValue, newValue });
  }
  return changes;
}

/** Reads and writes one workspace's overrides; `save` writes them and their changes at once. */
export interface SettingsStore {
  read(workspaceId: string): Promise<SettingOverrides>;
  save(
    workspaceId: string,
    overrides: SettingOverrides,
    changes: SettingChange[],
    userId: string,
    at: Date,
  ): Promise<void>;
  changes(workspaceId: string): Promise<Array<SettingChange & { userId: string; changedAt: Date }>>;
}
