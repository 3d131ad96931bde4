import { randomUUID } from "node:crypto";
import type { Db } from "../../../storage/database";
import type { DraftStore } from "../domain/ports";

/** The full text of a quoted message while its modal is open (private_metadata is too small for it). */
export class ConcernDrafts implements DraftStore {
  constructor(private readonly db: Db) {}

  async save(workspaceId: string, text: string, at: Date): Promise<string> {
    const id = randomUUID();
    await this.db.concernDraft.create({ data: { id, workspaceId, text, createdAt: at } });
    return id;
  }

  /** The text, only for the workspace that saved it. */
  async text(workspaceId: string, id: string): Promise<string | null> {
    const row = await this.db.concernDraft.findFirst({ where: { id, workspaceId } });
    return row?.text ?? null;
  }

  async discard(workspaceId: string, id: string): Promise<void> {
    await this.db.concernDraft.deleteMany({ where: { id, workspaceId } });
  }

  /** Drafts of modals that were never submitted. */
  async sweep(olderThan: Date): Promise<number> {
    const { count } = await this.db.concernDraft.deleteMany({ where: { createdAt: { lt: olderThan } } });
    return count;
  }
}
