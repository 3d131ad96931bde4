import type { Db } from "../../../storage/database";
import type { PostStore } from "../domain/ports";
import type { ConcernPostRecord } from "../domain/records";

/** Cards in handlers' direct messages and notes in card threads, so they can be updated or taken back. */
export class ConcernPosts implements PostStore {
  constructor(private readonly db: Db) {}

  async record(post: ConcernPostRecord): Promise<void> {
    await this.db.concernPost.upsert({
      where: { channelId_ts: { channelId: post.channelId, ts: post.ts } },
      create: post,
      update: {},
    });
  }

  async forConcern(concernId: string): Promise<ConcernPostRecord[]> {
    const rows = await this.db.concernPost.findMany({ where: { concernId }, orderBy: { ts: "asc" } });
    return rows.map((row) => ({ ...row, kind: row.kind === "card" ? "card" : "note" }));
  }

  async forget(channelId: string, ts: string): Promise<void> {
    await this.db.concernPost.deleteMany({ where: { channelId, ts } });
  }
}
