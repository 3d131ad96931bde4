import type { Db } from "./database";

export interface WorkspaceRecord {
  id: string;
  name: string | null;
  installedAt: Date;
}

export class WorkspaceRepository {
  private readonly known = new Set<string>();

  constructor(private readonly db: Db) {}

  /** Records a workspace the app is installed in; cheap to call on every request. */
  async recordSeen(id: string, name?: string | null, enterpriseId?: string | null): Promise<void> {
    if (this.known.has(id)) return;
    await this.db.workspace.upsert({
      where: { id },
      create: { id, name: name ?? null, enterpriseId: enterpriseId ?? null },
      update: { ...(name ? { name } : {}), ...(enterpriseId ? { enterpriseId } : {}) },
    });
    this.known.add(id);
  }

  /** The workspaces seen in an Enterprise Grid organisation (an org-wide install covers them all). */
  async inEnterprise(enterpriseId: string): Promise<string[]> {
    const rows = await this.db.workspace.findMany({ where: { enterpriseId }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** The Enterprise Grid organisation a workspace belongs to, as last seen; null outside Grid. */
  async enterpriseOf(id: string): Promise<string | null> {
    const row = await this.db.workspace.findUnique({ where: { id }, select: { enterpriseId: true } });
    return row?.enterpriseId ?? null;
  }

  async list(): Promise<WorkspaceRecord[]> {
    return this.db.workspace.findMany({
      orderBy: { installedAt: "asc" },
      select: { id: true, name: true, installedAt: true },
    });
  }
}
