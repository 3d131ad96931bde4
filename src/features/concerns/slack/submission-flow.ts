import type { ViewResponseAction } from "@slack/bolt";
import { CONCERN_INPUTS } from "../../../slack/ids";
import { UNCHECKED_FORM_TEXT } from "../../../slack/signed-metadata";
import {
  CONCERN_FIELDS,
  type ConcernField,
  type FieldErrors,
  type IdentityMode,
  londonTimeLabel,
  type QuoteAnswer,
  type SourceMessage,
  type SubmissionResult,
  signpostFor,
  validateConcernDraft,
} from "../domain";
import { confirmableWhereRaised } from "./confirm";
import type { ConcernsSlackDeps } from "./deps";
import { readFormState } from "./form-state";
import { drawForm } from "./form-view";
import { decodeFormMetadata, EMPTY_FORM_METADATA, type FormMetadata } from "./metadata";
import { submittedModal } from "./views/submitted";

export interface SubmissionRequest {
  workspaceId: string;
  user: { id: string; name: string | null };
  view: { id: string; private_metadata?: string; state?: { values?: unknown } };
}

/** The answer to Slack (given within 3 seconds) and what happens after it. */
export interface SubmissionStep {
  response: ViewResponseAction;
  result?: Exclude<SubmissionResult, { kind: "rate_limited" }>;
  metadata: FormMetadata;
  /** How the submitter chose to be identified, once the form was valid. */
  mode?: IdentityMode;
}

type FlowDeps = Pick<ConcernsSlackDeps, "concerns" | "concernDrafts" | "clock">;

function quoteAnswer(value: string | undefined): QuoteAnswer | null {
  return value === "keep" || value === "replace" ? value : null;
}

const FIELD_BLOCKS: Record<ConcernField, string> = {
  whatHappened: CONCERN_INPUTS.whatHappened.block,
  objective: CONCERN_INPUTS.objective.block,
  body: CONCERN_INPUTS.body.block,
  impact: CONCERN_INPUTS.impact.block,
  identityMode: CONCERN_INPUTS.identityMode.block,
  sourceMessage: CONCERN_INPUTS.whatHappened.block,
};

function errorsFor(errors: FieldErrors): ViewResponseAction {
  const byBlock: Record<string, string> = {};
  for (const field of CONCERN_FIELDS) {
    const message = errors[field];
    if (message) byBlock[FIELD_BLOCKS[field]] ??= message;
  }
  return { response_action: "errors", errors: byBlock };
}

/**
 * A submitted concern form: polite errors inside the modal, signposts shown once before the
 * concern is stored, then the stored concern (or the concern it supports) and the confirmation.
 */
export async function handleConcernSubmission(deps: FlowDeps, request: SubmissionRequest): Promise<SubmissionStep> {
  const metadata = decodeFormMetadata(request.view.private_metadata);
  if (!metadata) return { metadata: EMPTY_FORM_METADATA, response: errorsFor({ whatHappened: UNCHECKED_FORM_TEXT }) };
  const values = readFormState(request.view.state?.values);
  const sourceText = metadata.draft ? await deps.concernDrafts.text(request.workspaceId, metadata.draft) : null;
  if (metadata.draft && sourceText === null) {
    // The draft goes once the concern is stored: a retry of this very submission finds the concern instead.
    const earlier = await deps.concerns.submissions.alreadySubmitted(request.workspaceId, request.view.id);
    if (earlier) {
      const result = { kind: "duplicate", concern: earlier } as const;
      return { metadata, result, response: { response_action: "update", view: submittedModal(result, null) } };
    }
    return {
      metadata,
      response: errorsFor({
        whatHappened: "The quoted message has expired. Please close this form and start again from the message.",
      }),
    };
  }
  const validation = validateConcernDraft({
    ...values,
    sourceMessage: sourceText === null ? null : { text: sourceText, permalink: metadata.permalink },
  });
  if (!validation.ok) return { metadata, response: errorsFor(validation.errors) };

  const signposts = signpostFor(`${validation.draft.whatHappened}\n${sourceText ?? ""}`);
  const unseen = signposts.filter((signpost) => !metadata.shown.includes(signpost.kind));
  if (unseen.length > 0) {
    const shown = [...new Set([...metadata.shown, ...signposts.map((signpost) => signpost.kind)])];
    const view = await drawForm(deps, request.workspaceId, { ...metadata, shown }, values, { signposts });
    return { metadata, response: { response_action: "update", view } };
  }

  const result = await deps.concerns.submissions.submit({
    workspaceId: request.workspaceId,
    user: { id: request.user.id, name: request.user.name },
    draft: validation.draft,
    source: sourceOf(metadata, sourceText),
    keepSourceLink: values.includeLink === true,
    quote: quoteAnswer(values.quote),
    involvement: metadata.involvement,
    viewId: request.view.id,
    signposts: metadata.shown,
    confirmableWhereRaised: confirmableWhereRaised(metadata),
  });
  if (result.kind === "rate_limited") {
    return { metadata, response: errorsFor({ identityMode: rateLimitText(result.retryAt, deps) }) };
  }
  const receipt = result.kind === "created" ? result.receiptCode : null;
  return {
    metadata,
    result,
    mode: validation.draft.identityMode,
    response: { response_action: "update", view: submittedModal(result, receipt) },
  };
}

function rateLimitText(retryAt: Date, deps: FlowDeps): string {
  const when = londonTimeLabel(retryAt, deps.clock.now());
  return `You have sent several anonymous concerns recently. You can send another anonymously at ${when}, or choose confidential now: only the concern leads would see who you are.`;
}

function sourceOf(metadata: FormMetadata, text: string | null): SourceMessage | null {
  if (text === null || !metadata.channel || !metadata.ts) return null;
  return {
    text,
    channelId: metadata.channel,
    ts: metadata.ts,
    threadTs: metadata.thread,
    permalink: metadata.permalink,
    author: metadata.author,
  };
}
