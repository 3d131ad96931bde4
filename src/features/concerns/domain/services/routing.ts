import type { Handling } from "../handling";
import type { PostStore } from "../ports";
import type { ConcernPostRecord, ConcernRecord } from "../records";
import type { ConcernAccess } from "./access";

/**
 * Where a concern's card and notes live. Normally in the triage channel; once any lead has recused,
 * in the direct messages of each person handling it (the triage channel keeps only a stub), so the
 * recused lead sees no more of it. The posts are remembered so they can be updated or taken back.
 */
export class CardRouting {
  constructor(
    private readonly posts: PostStore,
    private readonly access: ConcernAccess,
  ) {}

  /** Whether the card has left the triage channel for the handlers' direct messages. */
  isPrivate(concern: ConcernRecord): boolean {
    return concern.recused.length > 0;
  }

  handling(concern: ConcernRecord): Promise<Handling> {
    return this.access.handling(concern);
  }

  postsOf(concernId: string): Promise<ConcernPostRecord[]> {
    return this.posts.forConcern(concernId);
  }

  remember(post: ConcernPostRecord): Promise<void> {
    return this.posts.record(post);
  }

  forget(post: Pick<ConcernPostRecord, "channelId" | "ts">): Promise<void> {
    return this.posts.forget(post.channelId, post.ts);
  }
}
