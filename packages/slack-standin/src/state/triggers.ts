import type { Clock } from "../clock";
import { refuse } from "../errors";
import type { IdFactory } from "../ids";

interface IssuedTrigger {
  user: string;
  issuedAt: number;
  used: boolean;
}

/**
 * trigger_ids the stand-in handed out with interactions. Slack lets each be exchanged once,
 * within about 3 seconds of the interaction.
 */
export class TriggerStore {
  private readonly triggers = new Map<string, IssuedTrigger>();

  constructor(
    private readonly ids: IdFactory,
    private readonly clock: Clock,
    private readonly lifetimeMs: number,
  ) {}

  issue(user: string): string {
    const id = this.ids.triggerId();
    this.triggers.set(id, { user, issuedAt: this.clock.now().getTime(), used: false });
    return id;
  }

  /** Uses up a trigger and tells whose it was; refuses as Slack does otherwise. */
  exchange(triggerId: string | undefined): string {
    const trigger = triggerId ? this.triggers.get(triggerId) : undefined;
    if (!trigger) return refuse("invalid_trigger_id");
    if (trigger.used) return refuse("exchanged_trigger_id");
    if (this.clock.now().getTime() - trigger.issuedAt > this.lifetimeMs) return refuse("expired_trigger_id");
    trigger.used = true;
    return trigger.user;
  }
}
