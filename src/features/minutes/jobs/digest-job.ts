import type { DigestService } from "../services/digest-service";
import type { OutboxSender } from "./outbox-sender";

/**
 * Each run claims the digests that are due (in the database, before posting) and then sends what
 * the outbox holds, including messages left unsent by a process that stopped halfway.
 */
export class DigestJob {
  constructor(private readonly deps: { digests: DigestService; sender: OutboxSender }) {}

  async runOnce(): Promise<{ claimed: number; sent: number }> {
    const claimed = await this.deps.digests.claimDue();
    const sent = await this.deps.sender.deliverDue();
    return { claimed, sent };
  }
}
