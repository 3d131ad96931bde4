import { type ConcernStatus, formatReference } from "./concern";

/**
 * Status workflow: new -> acknowledged -> resolved.
 *
 * - Resolving needs an acknowledgement first, so every reporter is told their concern was seen
 *   before being told it is closed.
 * - Reopening a resolved concern takes it back to "acknowledged", not "new": a lead has already
 *   seen it and is choosing to pick it up again, so it must not restart the "not acknowledged
 *   within N working days" reminders or look unseen on the leads' list.
 * - A note never changes the status and is allowed at any stage (including after resolution).
 */
export const WORKFLOW_ACTIONS = ["acknowledge", "resolve", "reopen", "note"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type TransitionResult = { ok: true; to: ConcernStatus } | { ok: false; reason: string };

type Rule = (status: ConcernStatus, label: string) => TransitionResult;

const RULES: Record<WorkflowAction, Rule> = {
  acknowledge: (status, label) => {
    if (status === "new") return allow("acknowledged");
    if (status === "acknowledged") return refuse(`${label} is already acknowledged.`);
    return refuse(`${label} is already resolved. Reopen it first if there is more to do.`);
  },
  resolve: (status, label) => {
    if (status === "acknowledged") return allow("resolved");
    if (status === "resolved") return refuse(`${label} is already resolved.`);
    return refuse(
      `${label} has not been acknowledged yet. Please acknowledge it first, so the reporter knows it was seen.`,
    );
  },
  reopen: (status, label) => {
    if (status === "resolved") return allow("acknowledged");
    return refuse(`${label} is still open, so there is nothing to reopen.`);
  },
  note: (status) => allow(status),
};

/** Whether `action` may be taken on a concern in `current` status, and where it leads. */
export function transition(current: ConcernStatus, action: WorkflowAction, reference?: number): TransitionResult {
  const label = reference === undefined ? "This concern" : formatReference(reference);
  return RULES[action](current, label);
}

/** The actions a lead can take now, e.g. to decide which buttons to show. */
export function availableActions(current: ConcernStatus): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => transition(current, action).ok);
}

function allow(to: ConcernStatus): TransitionResult {
  return { ok: true, to };
}

function refuse(reason: string): TransitionResult {
  return { ok: false, reason };
}
