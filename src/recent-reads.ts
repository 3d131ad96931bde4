import type { Clock } from "./clock";

/**
 * Values read by key at most `maxAgeMs` ago, for what is looked up inside Slack's three seconds and
 * changes rarely. A read that fails is not kept; a change made here is seen at once once its key is
 * forgotten, one made by another instance within `maxAgeMs`.
 */
export class RecentReads<T> {
  private readonly read = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now().getTime();
    const cached = this.read.get(key);
    if (cached && now - cached.at < this.maxAgeMs) return cached.value;
    const entry = { at: now, value: load() };
    this.read.set(key, entry);
    entry.value.catch(() => {
      if (this.read.get(key) === entry) this.read.delete(key);
    });
    return entry.value;
  }

  forget(key: string): void {
    this.read.delete(key);
  }

  forgetAll(): void {
    this.read.clear();
  }
}
