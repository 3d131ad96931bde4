import type { Clock } from "../../../clock";
import { RecentReads } from "../../../recent-reads";
import {
  checkSettings,
  mergeSettings,
  type SettingChange,
  type SettingName,
  type SettingOverrides,
  type SettingsStore,
  settingChanges,
  type WorkspaceSettings,
} from "./settings";

/** The read port every feature uses: one workspace's settings, defaults merged with what its admins set. */
export interface SettingsForWorkspace {
  /** `fresh`: read from the store now rather than as read up to `maxAgeMs` ago (for a rare, deciding read). */
  forWorkspace(workspaceId: string, options?: { fresh?: boolean }): Promise<WorkspaceSettings>;
}

export type SaveOutcome =
  | { ok: true; changes: SettingChange[] }
  | { ok: false; errors: Partial<Record<SettingName, string>> };

/**
 * Settings are read on every acknowledgement and submission, inside Slack's three seconds, and change
 * rarely: each workspace's are kept for `maxAgeMs`. A change made on this instance is seen at once,
 * one made on another instance within `maxAgeMs`.
 */
export class WorkspaceSettingsService implements SettingsForWorkspace {
  private readonly read: RecentReads<SettingOverrides>;

  constructor(
    private readonly store: SettingsStore,
    private readonly defaults: WorkspaceSettings,
    private readonly clock: Clock,
    maxAgeMs = 30_000,
  ) {
    this.read = new RecentReads(clock, maxAgeMs);
  }

  get environmentDefaults(): WorkspaceSettings {
    return this.defaults;
  }

  async forWorkspace(workspaceId: string, options: { fresh?: boolean } = {}): Promise<WorkspaceSettings> {
    if (options.fresh) this.read.forget(workspaceId);
    return mergeSettings(this.defaults, await this.overrides(workspaceId));
  }

  overrides(workspaceId: string): Promise<SettingOverrides> {
    return this.read.get(workspaceId, () => this.store.read(workspaceId));
  }

  /** Checks and stores what an admin submitted (the whole form: a value left out goes back to the default). */
  async save(workspaceId: string, submitted: unknown, userId: string): Promise<SaveOutcome> {
    const checked = checkSettings(submitted);
    if (!checked.ok) return checked;
    const before = await this.store.read(workspaceId);
    const changes = settingChanges(before, checked.overrides);
    if (changes.length > 0) {
      await this.store.save(workspaceId, checked.overrides, changes, userId, this.clock.now());
    }
    this.read.forget(workspaceId);
    return { ok: true, changes };
  }

  changes(workspaceId: string) {
    return this.store.changes(workspaceId);
  }
}
