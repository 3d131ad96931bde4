import type { Clock } from "../../../../clock";
import type { ObjectiveChoice } from "../concern";
import type { ConcernReads, ConcernWrites } from "../ports";
import { type ConcernAccess, NOT_A_LEAD } from "./access";
import type { ForLead } from "./lookup";

/** One "you said, we did" item: only the words the lead wrote for publication. */
export interface PublishItem {
  concernId: string;
  objective: ObjectiveChoice;
  text: string;
}

/** At most this many items in one round-up (a modal's checkbox group holds ten). */
export const MAX_PUBLISH_ITEMS = 10;

/**
 * "You said, we did": a lead publishes an anonymised round-up of resolved concerns to staff. Only
 * the words a lead wrote for publication when resolving are used, each concern once.
 */
export class PublicationService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly writes: ConcernWrites,
    private readonly access: ConcernAccess,
    private readonly clock: Clock,
  ) {}

  /** Resolved concerns with words for publication not yet published, newest first (without the lead's recusals). */
  async candidates(workspaceId: string, leadId: string): Promise<ForLead<PublishItem[]>> {
    if ((await this.access.standing(workspaceId, leadId)) !== "lead") return { ok: false, reason: NOT_A_LEAD };
    const hidden = await this.access.hiddenFrom(workspaceId, leadId);
    const concerns = await this.reads.list(workspaceId, { toPublish: true, excludeIds: hidden });
    const items = concerns
      .sort((a, b) => (b.resolvedAt?.getTime() ?? 0) - (a.resolvedAt?.getTime() ?? 0))
      .slice(0, MAX_PUBLISH_ITEMS)
      .map((concern) => ({
        concernId: concern.id,
        objective: concern.objective,
        text: concern.resolution.publication ?? "",
      }));
    return { ok: true, value: items };
  }

  /** The chosen items, if each may still be published by this lead. */
  async chosen(workspaceId: string, leadId: string, concernIds: readonly string[]): Promise<ForLead<PublishItem[]>> {
    const found = await this.candidates(workspaceId, leadId);
    if (!found.ok) return found;
    const wanted = new Set(concernIds);
    return { ok: true, value: found.value.filter((item) => wanted.has(item.concernId)) };
  }

  /** Records that the items were published in a channel; returns those marked now. */
  async published(workspaceId: string, leadId: string, items: readonly PublishItem[], channelId: string) {
    const at = this.clock.now();
    return this.writes.markPublished(
      workspaceId,
      items.map((item) => item.concernId),
      at,
      () => ({ at, actor: `lead:${leadId}`, action: "publish", note: `"you said, we did" posted in ${channelId}` }),
    );
  }
}
