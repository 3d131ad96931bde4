import type { ViewResponseAction } from "@slack/bolt";
import { CONCERN_INPUTS } from "../../../slack/ids";
import { type ModalRequester, openModal } from "../../../slack/open-modal";
import { UNCHECKED_FORM_TEXT } from "../../../slack/signed-metadata";
import { isRecusalReason, type LeadRequest, type TriageResult, transition } from "../domain";
import type { SlackClient } from "./client";
import type { ConcernsSlackDeps } from "./deps";
import { inputsOf, readLeadTexts } from "./form-state";
import { decodeLeadMetadata, encodeLeadMetadata } from "./metadata";
import { assignModal, type LeadModalAction, leadActionModal, recuseModal } from "./views/lead-action";

type LeadDeps = Pick<ConcernsSlackDeps, "concerns" | "concernNotifier">;

/** What a lead's button press leads to: a refusal for the presser only, or nothing to say. */
export type ButtonOutcome = { refusal: string } | { refusal: null };

export type HandlingModal = "assign" | "recuse";

/** Acknowledge: no form needed. Every press is checked: someone handling it, of this workspace. */
export async function acknowledge(deps: LeadDeps, request: LeadRequest): Promise<ButtonOutcome> {
  return finish(deps, await deps.concerns.triage.act(request, "acknowledge"));
}

/** Note, resolve, reopen, reply, assign and recuse open a small form, after the same checks. */
export async function openLeadModal(
  deps: LeadDeps,
  client: SlackClient,
  trigger: { triggerId: string; who: ModalRequester },
  request: LeadRequest,
  action: LeadModalAction | HandlingModal,
): Promise<ButtonOutcome> {
  const found = await deps.concerns.triage.authorised(request);
  if (!found.ok) return { refusal: found.reason };
  const { concern } = found;
  if (action === "reply" && concern.reporter.mode !== "anonymous") {
    return { refusal: "Replies through the bot are for anonymous concerns; you can message this reporter directly." };
  }
  if (action !== "reply" && action !== "assign" && action !== "recuse") {
    const step = transition(concern.status, action, concern.number);
    if (!step.ok) return { refusal: step.reason };
  }
  const metadata = encodeLeadMetadata({ concernId: request.concernId, action });
  const view =
    action === "assign"
      ? assignModal(concern, metadata)
      : action === "recuse"
        ? recuseModal(concern, metadata)
        : leadActionModal(concern, action, metadata);
  // A modal that cannot open is explained to the lead by openModal itself.
  await openModal(client, {
    triggerId: trigger.triggerId,
    view,
    who: trigger.who,
    retry: "press the button on the concern's card again.",
  });
  return { refusal: null };
}

export async function setBlocked(deps: LeadDeps, request: LeadRequest, blocked: boolean): Promise<ButtonOutcome> {
  return finish(deps, await deps.concerns.triage.setBlocked(request, blocked));
}

interface LeadView {
  private_metadata?: string;
  state?: { values?: unknown };
}

type Submitted = { response: ViewResponseAction | undefined; after: () => Promise<void> };

const nothing = async () => {};

function errorsIn(block: string, message: string): ViewResponseAction {
  return { response_action: "errors", errors: { [block]: message } };
}

/** The lead's form: errors stay in the form; on success the card and the reporter hear of it. */
export async function submitLeadModal(
  deps: LeadDeps,
  request: Omit<LeadRequest, "concernId">,
  view: LeadView,
): Promise<Submitted> {
  const metadata = decodeLeadMetadata(view.private_metadata);
  const texts = readLeadTexts(view.state?.values);
  const errors = (message: string) => errorsIn(CONCERN_INPUTS.leadText.block, message);
  if (!metadata || metadata.action === "assign" || metadata.action === "recuse")
    return {
      response: errors(UNCHECKED_FORM_TEXT),
      after: nothing,
    };
  const full = { ...request, concernId: metadata.concernId };
  const result =
    metadata.action === "reply"
      ? await deps.concerns.triage.reply(full, texts.text)
      : await deps.concerns.triage.act(full, metadata.action, texts.text, {
          outcome: texts.outcome,
          publication: texts.publication,
        });
  if (!result.ok) return { response: errors(result.reason), after: nothing };
  const after =
    metadata.action === "reply"
      ? () => deps.concernNotifier.leadReplied(result.concern)
      : () => deps.concernNotifier.statusChanged(result.concern, result.change);
  return { response: undefined, after };
}

/** Assign: the chosen person must be handling the concern; they are told by DM. */
export async function submitAssign(
  deps: LeadDeps,
  request: Omit<LeadRequest, "concernId">,
  view: LeadView,
): Promise<Submitted> {
  const metadata = decodeLeadMetadata(view.private_metadata);
  const block = CONCERN_INPUTS.assignee.block;
  const assignee = inputsOf(view.state?.values)(CONCERN_INPUTS.assignee)?.selected_user;
  if (metadata?.action !== "assign") return { response: errorsIn(block, UNCHECKED_FORM_TEXT), after: nothing };
  if (!assignee) return { response: errorsIn(block, "Please choose who to assign it to."), after: nothing };
  const result = await deps.concerns.handling.assign({ ...request, concernId: metadata.concernId }, assignee);
  if (!result.ok) return { response: errorsIn(block, result.reason), after: nothing };
  return {
    response: undefined,
    after: result.changed ? () => deps.concernNotifier.assigned(result.concern) : nothing,
  };
}

/** Recuse: recorded at once; then the card leaves the lead's sight and the others are told. */
export async function submitRecusal(
  deps: LeadDeps,
  request: Omit<LeadRequest, "concernId">,
  view: LeadView,
): Promise<Submitted> {
  const metadata = decodeLeadMetadata(view.private_metadata);
  const block = CONCERN_INPUTS.recuseReason.block;
  const reason = inputsOf(view.state?.values)(CONCERN_INPUTS.recuseReason)?.selected_option?.value;
  if (metadata?.action !== "recuse") return { response: errorsIn(block, UNCHECKED_FORM_TEXT), after: nothing };
  if (!isRecusalReason(reason)) return { response: errorsIn(block, "Please choose why."), after: nothing };
  const result = await deps.concerns.handling.recuse({ ...request, concernId: metadata.concernId }, reason);
  if (!result.ok) return { response: errorsIn(block, result.reason), after: nothing };
  return { response: undefined, after: () => deps.concernNotifier.recused(result) };
}

async function finish(deps: LeadDeps, result: TriageResult): Promise<ButtonOutcome> {
  if (!result.ok) return { refusal: result.reason };
  await deps.concernNotifier.statusChanged(result.concern, result.change);
  return { refusal: null };
}
