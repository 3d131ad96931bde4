import { randomUUID } from "node:crypto";
import type { Db } from "../../../storage/database";
import type { SettingChange, SettingName, SettingOverrides, SettingsStore } from "../domain/settings";

type Row = {
  concernLeads: string | null;
  concernLeadGroup: string | null;
  concernTriageChannel: string | null;
  acknowledgeWithinWorkingDays: number | null;
  retentionYears: number | null;
  anonymousDailyLimit: number | null;
  knowledgeOwners: string | null;
  digestTime: string | null;
};

/** Optional ids are stored as "" for "none set here", and null for "use the default". */
function idOrNone(value: string | null): string | null | undefined {
  if (value === null) return undefined;
  return value === "" ? null : value;
}

function toOverrides(row: Row): SettingOverrides {
  const overrides: SettingOverrides = {};
  if (row.concernLeads !== null) overrides.leads = row.concernLeads.split(",").filter(Boolean);
  const group = idOrNone(row.concernLeadGroup);
  if (group !== undefined) overrides.leadGroup = group;
  const channel = idOrNone(row.concernTriageChannel);
  if (channel !== undefined) overrides.triageChannel = channel;
  if (row.acknowledgeWithinWorkingDays !== null)
    overrides.acknowledgeWithinWorkingDays = row.acknowledgeWithinWorkingDays;
  if (row.retentionYears !== null) overrides.retentionYears = row.retentionYears;
  if (row.anonymousDailyLimit !== null) overrides.anonymousDailyLimit = row.anonymousDailyLimit;
  const owners = idOrNone(row.knowledgeOwners);
  if (owners === null) overrides.knowledgeOwners = null;
  else if (owners !== undefined) {
    const [kind, id] = owners.split(":");
    if ((kind === "usergroup" || kind === "channel") && id) overrides.knowledgeOwners = { kind, id };
  }
  if (row.digestTime !== null) overrides.digestTime = row.digestTime;
  return overrides;
}

function toRow(overrides: SettingOverrides): Row {
  const none = (value: string | null | undefined) => (value === undefined ? null : (value ?? ""));
  const owners = overrides.knowledgeOwners;
  return {
    concernLeads: overrides.leads === undefined ? null : overrides.leads.join(","),
    concernLeadGroup: none(overrides.leadGroup),
    concernTriageChannel: none(overrides.triageChannel),
    acknowledgeWithinWorkingDays: overrides.acknowledgeWithinWorkingDays ?? null,
    retentionYears: overrides.retentionYears ?? null,
    anonymousDailyLimit: overrides.anonymousDailyLimit ?? null,
    knowledgeOwners: owners === undefined ? null : owners === null ? "" : `${owners.kind}:${owners.id}`,
    digestTime: overrides.digestTime ?? null,
  };
}

export class SettingsRepository implements SettingsStore {
  constructor(private readonly db: Db) {}

  async read(workspaceId: string): Promise<SettingOverrides> {
    const row = await this.db.workspaceSettings.findUnique({ where: { workspaceId } });
    return row ? toOverrides(row) : {};
  }

  async save(
    workspaceId: string,
    overrides: SettingOverrides,
    changes: SettingChange[],
    userId: string,
    at: Date,
  ): Promise<void> {
    const row = { ...toRow(overrides), updatedAt: at, updatedBy: userId };
    await this.db.$transaction([
      this.db.workspaceSettings.upsert({ where: { workspaceId }, create: { workspaceId, ...row }, update: row }),
      this.db.workspaceSettingChange.createMany({
        data: changes.map((change) => ({ id: randomUUID(), workspaceId, userId, changedAt: at, ...change })),
      }),
    ]);
  }

  async changes(workspaceId: string): Promise<Array<SettingChange & { userId: string; changedAt: Date }>> {
    const rows = await this.db.workspaceSettingChange.findMany({
      where: { workspaceId },
      orderBy: { changedAt: "asc" },
    });
    return rows.map((row) => ({ ...row, setting: row.setting as SettingName }));
  }
}
