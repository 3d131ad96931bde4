import type { Clock } from "../../../clock";

type UsersInfo = (
  userId: string,
) => Promise<{ is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } | null>;

/**
 * Whether someone is an admin or owner of the workspace (users.info), remembered for a minute so
 * that opening App Home costs no extra call each time. A failed lookup answers "no".
 */
export class WorkspaceAdmins {
  private readonly known = new Map<string, { at: number; admin: boolean }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxAgeMs = 60_000,
  ) {}

  async isAdmin(workspaceId: string, userId: string, lookup: UsersInfo, fresh = false): Promise<boolean> {
    const key = `${workspaceId}:${userId}`;
    const now = this.clock.now().getTime();
    const cached = this.known.get(key);
    if (!fresh && cached && now - cached.at < this.maxAgeMs) return cached.admin;
    let admin = false;
    try {
      const user = await lookup(userId);
      admin = Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
    } catch {
      return cached?.admin === true && !fresh;
    }
    this.known.set(key, { at: now, admin });
    return admin;
  }
}
