/**
 * Slack takes about one message a second in a channel, allowing short bursts, and answers 429 with
 * Retry-After beyond that. A burst of concerns (a team logging them after the same meeting) would
 * otherwise post every card at once and be refused all but a few, again at each retry.
 *
 * A channel Slack has refused a post in is kept to a schedule (a generic cell rate algorithm): after
 * the Retry-After, up to `burst` posts go at once, then one per `intervalMs`. A post that must wait
 * is given the next free time, held for it under its key, so posts put off go in the order they were
 * put off, each once. A channel whose schedule has been idle for `forgetAfterMs` is free again.
 */
export class ChannelPace {
  /** Per channel: when its schedule is next free, as if every post so far had gone one interval apart. */
  private readonly nextFree = new Map<string, number>();
  /** Per post key: the time held for a post that was put off. */
  private readonly held = new Map<string, number>();
  /** Per scheduled channel: when a post last went, so one that comes back late does not crowd the next. */
  private readonly lastGone = new Map<string, number>();

  constructor(
    private readonly intervalMs = 1_000,
    private readonly burst = 3,
    private readonly forgetAfterMs = 60_000,
  ) {}

  /** When the post `key` may go to `channel`: `now` or earlier means now (and it is counted as gone). */
  slotFor(channel: string, key: string, now: number): number {
    const held = this.held.get(key);
    if (held !== undefined) {
      if (held > now) return held;
      const last = this.lastGone.get(channel);
      if (last !== undefined && now - last < this.intervalMs) {
        this.held.set(key, last + this.intervalMs);
        return last + this.intervalMs;
      }
      this.held.delete(key);
      this.lastGone.set(channel, now);
      return now;
    }
    this.forgetLapsed(now);
    const scheduled = this.nextFree.get(channel);
    if (scheduled === undefined) return now;
    if (scheduled < now - this.forgetAfterMs) {
      this.nextFree.delete(channel);
      this.lastGone.delete(channel);
      return now;
    }
    const free = Math.max(scheduled, now);
    const slot = Math.max(now, free - this.tolerance());
    this.nextFree.set(channel, free + this.intervalMs);
    if (slot > now) this.held.set(key, slot);
    else this.lastGone.set(channel, now);
    return slot;
  }

  /** Slack refused a post with 429: nothing more goes to the channel until `retryAfterMs` has passed, this post first. */
  refused(channel: string, key: string, retryAfterMs: number, now: number): number {
    const slot = now + retryAfterMs;
    const free = Math.max(this.nextFree.get(channel) ?? now, slot + this.tolerance());
    this.nextFree.set(channel, free + this.intervalMs);
    this.held.set(key, slot);
    return slot;
  }

  private tolerance(): number {
    return (this.burst - 1) * this.intervalMs;
  }

  /** A post put off and then settled another way never comes back for its time: forgotten after a while. */
  private forgetLapsed(now: number): void {
    if (this.held.size < 1_000) return;
    for (const [key, slot] of this.held) if (slot < now - this.forgetAfterMs) this.held.delete(key);
  }
}
