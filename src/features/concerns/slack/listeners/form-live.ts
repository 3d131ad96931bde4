import type { App, BlockAction } from "@slack/bolt";
import { CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import { isGoneView } from "../client";
import type { ConcernsSlackDeps } from "../deps";
import { readFormState } from "../form-state";
import { drawForm } from "../form-view";
import { decodeFormMetadata } from "../metadata";
import { errorKind, workspaceOf } from "../workspace";

/** Keystrokes closer together than this make one update of the count. */
const TYPING_PAUSE_MS = 250;

interface FormView {
  id: string;
  hash: string;
  callback_id: string;
  private_metadata: string;
  state?: { values?: unknown };
}

type FormAction = BlockAction & { view?: FormView };

/**
 * The concern form answers as it is filled in: choosing confidential or anonymous brings up the
 * question about the quoted message, and typing in "What happened?" updates the count under it
 * (Slack sends an action per character, dispatch_action_config on_character_entered). Updates carry
 * the view's hash, so one drawn from an older state (or racing the submission) is refused by Slack
 * rather than undoing a newer one; the count waits for a pause in the typing.
 */
export function registerFormLiveUpdates(app: App, deps: ConcernsSlackDeps): void {
  const typing = new Map<string, ReturnType<typeof setTimeout>>();

  const redraw = async (body: FormAction, typed?: number) => {
    const view = body.view;
    if (!view || view.callback_id !== VIEWS.concernForm) return;
    const metadata = decodeFormMetadata(view.private_metadata);
    if (!metadata) return;
    const values = readFormState(view.state?.values);
    const drawn = await drawForm(deps, workspaceOf(body), metadata, values, {
      typed: typed ?? values.whatHappened?.length,
    });
    await app.client.views.update({ view_id: view.id, hash: view.hash, view: drawn }).catch((error: unknown) => {
      if (!isGoneView(error)) throw error;
    });
  };
  const safely = (work: Promise<void>) =>
    work.catch((error: unknown) => deps.logger.warn(`Could not redraw the concern form: ${errorKind(error)}`));

  app.action<FormAction>(CONCERN_INPUTS.identityMode.action, async ({ ack, body }) => {
    await ack();
    await safely(redraw(body));
  });

  app.action<FormAction>(CONCERN_INPUTS.whatHappened.action, async ({ ack, body, action }) => {
    await ack();
    const viewId = body.view?.id;
    if (!viewId) return;
    const typed = ((action as { value?: string | null }).value ?? "").length;
    clearTimeout(typing.get(viewId));
    typing.set(
      viewId,
      setTimeout(() => {
        typing.delete(viewId);
        void safely(redraw(body, typed));
      }, TYPING_PAUSE_MS),
    );
  });
}
