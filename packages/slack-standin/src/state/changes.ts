/** Called with the new version after anything a person could see has changed. */
export type ChangeListener = (version: number) => void;

/**
 * A version number that goes up whenever the stand-in's visible state changes (a message posted,
 * updated or deleted, an ephemeral shown or replaced, a modal or Home tab opened, updated or
 * closed, a channel or membership added), and the listeners to tell. A page showing the
 * workspace subscribes and re-reads what it shows; tests can wait for a change.
 */
export class ChangeFeed {
  private current = 0;
  private readonly listeners = new Set<ChangeListener>();

  get version(): number {
    return this.current;
  }

  notify(): void {
    this.current += 1;
    for (const listener of [...this.listeners]) {
      try {
        listener(this.current);
      } catch {
        // A failing observer must never break the Web API call that changed the state.
      }
    }
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
