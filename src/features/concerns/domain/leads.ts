import type { Clock } from "../../../clock";
import type { LeadRoster } from "./ports";

export type GroupMembers = (groupId: string) => Promise<string[]>;

/** Who handles a concern once every lead has recused from it: one person, or the members of a user group. */
export type DeputySetting = { kind: "user"; id: string } | { kind: "group"; id: string };

export interface LeadDirectoryOptions {
  /** User ids named as leads in config. */
  leads: readonly string[];
  /** A user group whose members are leads too. */
  group: string | null;
  /** The workspace's own leads and group, where its admins have set them (in place of `leads` and `group`). */
  roster?: (workspaceId: string) => Promise<{ leads: readonly string[]; group: string | null }>;
  /** The deputy (CONCERN_DEPUTY), if one is set. */
  deputy?: DeputySetting | null;
  /** Looks a group up (usergroups.users.list); null where Slack is not available (the CLI). */
  members: GroupMembers | null;
  clock: Clock;
  /** How long a looked-up membership is trusted. */
  ttlMs?: number;
  onError?: (error: unknown) => void;
}

interface Cached {
  members: ReadonlySet<string>;
  fetchedAt: number;
}

const FIVE_MINUTES = 5 * 60_000;

/**
 * Concern leads: the configured user ids plus the members of the configured user group, looked up
 * at most every few minutes (and once at a time). When the lookup fails, the last known members
 * stay leads; with nothing known, nobody from the group is. The deputy, a user or a group, is
 * looked up the same way.
 */
export class LeadDirectory implements LeadRoster {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(private readonly options: LeadDirectoryOptions) {}

  get configured(): boolean {
    return this.options.leads.length > 0 || this.options.group !== null;
  }

  get deputyConfigured(): boolean {
    return Boolean(this.options.deputy);
  }

  async isLead(workspaceId: string, userId: string): Promise<boolean> {
    const roster = await this.rosterOf(workspaceId);
    if (roster.leads.includes(userId)) return true;
    return (await this.groupMembers(workspaceId, roster.group)).has(userId);
  }

  /** Every lead: the named ones first, then the group's members. */
  async leads(workspaceId: string): Promise<string[]> {
    const roster = await this.rosterOf(workspaceId);
    const group = await this.groupMembers(workspaceId, roster.group);
    return [...new Set([...roster.leads, ...group])];
  }

  private async rosterOf(workspaceId: string): Promise<{ leads: readonly string[]; group: string | null }> {
    return this.options.roster
      ? this.options.roster(workspaceId)
      : { leads: this.options.leads, group: this.options.group };
  }

  async isDeputy(workspaceId: string, userId: string): Promise<boolean> {
    return (await this.deputies(workspaceId)).includes(userId);
  }

  /** The deputy, or the members of the deputy group; none when no deputy is set. */
  async deputies(workspaceId: string): Promise<string[]> {
    const deputy = this.options.deputy;
    if (!deputy) return [];
    if (deputy.kind === "user") return [deputy.id];
    return [...(await this.groupMembers(workspaceId, deputy.id))];
  }

  private async groupMembers(workspaceId: string, group: string | null): Promise<ReadonlySet<string>> {
    const { members } = this.options;
    if (!group || !members) return new Set();
    const key = `${workspaceId}:${group}`;
    const cached = this.cache.get(key);
    if (cached && this.options.clock.now().getTime() - cached.fetchedAt < (this.options.ttlMs ?? FIVE_MINUTES))
      return cached.members;
    const inFlight = this.pending.get(key) ?? this.fetch(key, group, members, cached);
    this.pending.set(key, inFlight);
    return inFlight.finally(() => this.pending.delete(key));
  }

  private async fetch(
    key: string,
    group: string,
    members: GroupMembers,
    cached: Cached | undefined,
  ): Promise<ReadonlySet<string>> {
    try {
      const found = new Set(await members(group));
      this.cache.set(key, { members: found, fetchedAt: this.options.clock.now().getTime() });
      return found;
    } catch (error) {
      this.options.onError?.(error);
      return cached?.members ?? new Set();
    }
  }
}
