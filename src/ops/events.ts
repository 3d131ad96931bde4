/**
 * What the features report for operators (metrics), without knowing who listens: a listener added
 * while the bot runs, removed when it stops. Reporting with no listener costs a loop over nothing.
 */
export interface OpsListener {
  minutesPolled?(result: { ok: boolean; documentOutcomes: readonly string[] }): void;
  digestMessage?(outcome: "posted" | "failed" | "retry"): void;
}

const listeners = new Set<OpsListener>();

export function listenToOps(listener: OpsListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const reportOps: Required<OpsListener> = {
  minutesPolled: (result) => {
    for (const listener of listeners) listener.minutesPolled?.(result);
  },
  digestMessage: (outcome) => {
    for (const listener of listeners) listener.digestMessage?.(outcome);
  },
};
