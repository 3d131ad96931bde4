import type { Clock } from "../../../clock";
import type { LeadRoster } from "./ports";

export type GroupMembers = (groupId: string) => Promise<string[]>;

export interface LeadDirectoryOptions {
  /** User ids named as leads in config. */
  leads: readonly string[];
  /** A user group whose members are leads too. */
  group: string | null;
  /** Looks the group up (usergroups.users.list); null where Slack is not available (the CLI). */
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
 * stay leads; with nothing known, nobody from the group is.
 */
export class LeadDirectory implements LeadRoster {
  private readonly cache = new Map<string, Cached>();
  private readonly pending = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(private readonly options: LeadDirectoryOptions) {}

  get configured(): boolean {
    return this.options.leads.length > 0 || this.options.group !== null;
  }

  async isLead(workspaceId: string, userId: string): Promise<boolean> {
    if (this.options.leads.includes(userId)) return true;
    return (await this.groupMembers(workspaceId)).has(userId);
  }

  private async groupMembers(workspaceId: string): Promise<ReadonlySet<string>> {
    const { group, members } = this.options;
    if (!group || !members) return new Set();
    const cached = this.cache.get(workspaceId);
    if (cached && this.options.clock.now().getTime() - cached.fetchedAt < (this.options.ttlMs ?? FIVE_MINUTES))
      return cached.members;
    const inFlight = this.pending.get(workspaceId) ?? this.fetch(workspaceId, group, members, cached);
    this.pending.set(workspaceId, inFlight);
    return inFlight.finally(() => this.pending.delete(workspaceId));
  }

  private async fetch(
    workspaceId: string,
    group: string,
    members: GroupMembers,
    cached: Cached | undefined,
  ): Promise<ReadonlySet<string>> {
    try {
      const found = new Set(await members(group));
      this.cache.set(workspaceId, { members: found, fetchedAt: this.options.clock.now().getTime() });
      return found;
    } catch (error) {
      this.options.onError?.(error);
      return cached?.members ?? new Set();
    }
  }
}
