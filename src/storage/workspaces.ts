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
  async recordSeen(id: string, name?: string | null): Promise<void> {
    if (this.known.has(id)) return;
    await this.db.workspace.upsert({
      where: { id },
      create: { id, name: name ?? null },
      update: name ? { name } : {},
    });
    this.known.add(id);
  }

  async list(): Promise<WorkspaceRecord[]> {
    return this.db.workspace.findMany({
      orderBy: { installedAt: "asc" },
      select: { id: true, name: true, installedAt: true },
    });
  }
}
