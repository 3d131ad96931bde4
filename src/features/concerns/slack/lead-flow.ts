import type { ViewResponseAction } from "@slack/bolt";
import { CONCERN_INPUTS } from "../../../slack/ids";
import { type LeadRequest, type TriageResult, transition } from "../domain";
import type { SlackClient } from "./client";
import type { ConcernsSlackDeps } from "./deps";
import { readFormState } from "./form-state";
import { decodeLeadMetadata, encodeLeadMetadata } from "./metadata";
import { type LeadModalAction, leadActionModal } from "./views/lead-action";

type LeadDeps = Pick<ConcernsSlackDeps, "concerns" | "concernNotifier">;

/** What a lead's button press leads to: a refusal for the presser only, or nothing to say. */
export type ButtonOutcome = { refusal: string } | { refusal: null };

/** Acknowledge: no form needed. Every press is checked: a lead, of this workspace. */
export async function acknowledge(deps: LeadDeps, request: LeadRequest): Promise<ButtonOutcome> {
  return finish(deps, await deps.concerns.triage.act(request, "acknowledge"), null);
}

/** Note, resolve, reopen and reply open a small form, after the same checks. */
export async function openLeadModal(
  deps: LeadDeps,
  client: SlackClient,
  triggerId: string,
  request: LeadRequest,
  action: LeadModalAction,
): Promise<ButtonOutcome> {
  const found = await deps.concerns.triage.authorised(request);
  if (!found.ok) return { refusal: found.reason };
  if (action === "reply" && found.concern.reporter.mode !== "anonymous") {
    return { refusal: "Replies through the bot are for anonymous concerns; you can message this reporter directly." };
  }
  if (action !== "reply") {
    const step = transition(found.concern.status, action, found.concern.number);
    if (!step.ok) return { refusal: step.reason };
  }
  const metadata = encodeLeadMetadata({ concernId: request.concernId, action });
  await client.views.open({ trigger_id: triggerId, view: leadActionModal(found.concern, action, metadata) });
  return { refusal: null };
}

export async function setBlocked(deps: LeadDeps, request: LeadRequest, blocked: boolean): Promise<ButtonOutcome> {
  return finish(deps, await deps.concerns.triage.setBlocked(request, blocked), null);
}

/** The lead's form: errors stay in the form; on success the card and the reporter hear of it. */
export async function submitLeadModal(
  deps: LeadDeps,
  request: Omit<LeadRequest, "concernId">,
  view: { private_metadata?: string; state?: { values?: unknown } },
): Promise<{ response: ViewResponseAction | undefined; after: () => Promise<void> }> {
  const metadata = decodeLeadMetadata(view.private_metadata);
  const text = readFormState(view.state?.values).leadText ?? "";
  const errors = (message: string): ViewResponseAction => ({
    response_action: "errors",
    errors: { [CONCERN_INPUTS.leadText.block]: message },
  });
  if (!metadata)
    return {
      response: errors("Sorry, this form could not be read. Please close it and press the button again."),
      after: async () => {},
    };
  const full = { ...request, concernId: metadata.concernId };
  const result =
    metadata.action === "reply"
      ? await deps.concerns.triage.reply(full, text)
      : await deps.concerns.triage.act(full, metadata.action, text);
  if (!result.ok) return { response: errors(result.reason), after: async () => {} };
  const after =
    metadata.action === "reply"
      ? () => deps.concernNotifier.leadReplied(result.concern, request.leadId, text.trim())
      : () => deps.concernNotifier.statusChanged(result.concern, result.change, text.trim() || null);
  return { response: undefined, after };
}

async function finish(deps: LeadDeps, result: TriageResult, note: string | null): Promise<ButtonOutcome> {
  if (!result.ok) return { refusal: result.reason };
  await deps.concernNotifier.statusChanged(result.concern, result.change, note);
  return { refusal: null };
}
