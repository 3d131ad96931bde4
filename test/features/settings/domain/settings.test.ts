import { describe, expect, it } from "vitest";
import {
  checkSettings,
  mergeSettings,
  settingChanges,
  type WorkspaceSettings,
} from "../../../../src/features/settings/domain";

const DEFAULTS: WorkspaceSettings = {
  leads: ["U0LEAD001"],
  leadGroup: "S0LEADS01",
  triageChannel: "C0TRIAGE1",
  acknowledgeWithinWorkingDays: 2,
  retentionYears: 3,
  anonymousDailyLimit: 3,
  knowledgeOwners: null,
  digestTime: null,
};

describe("workspace settings", () => {
  it("uses the environment's value for anything the admins have not set", () => {
    expect(mergeSettings(DEFAULTS, {})).toEqual(DEFAULTS);
    expect(mergeSettings(DEFAULTS, { leads: ["U0NEW0001"], leadGroup: null })).toEqual({
      ...DEFAULTS,
      leads: ["U0NEW0001"],
      leadGroup: null,
    });
  });

  it("refuses values out of bounds or not Slack ids, naming the field", () => {
    const checked = checkSettings({ anonymousDailyLimit: 0, triageChannel: "general", leads: ["bob"] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.anonymousDailyLimit).toContain("at least 1");
    expect(checked.errors.triageChannel).toContain("channel id");
    expect(checked.errors.leads).toContain("user id");
  });

  it("lists each changed setting with its old and new value, null being the default", () => {
    expect(settingChanges({ retentionYears: 5 }, { retentionYears: 6, leads: ["U0NEW0001"] })).toEqual([
      { setting: "leads", oldValue: null, newValue: "U0NEW0001" },
      { setting: "retentionYears", oldValue: "5", newValue: "6" },
    ]);
  });
});
