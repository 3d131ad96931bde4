import type { App, ViewSubmitAction } from "@slack/bolt";
import { CONCERN_INPUTS, VIEWS } from "../../../../slack/ids";
import { afterSubmission } from "../after-submission";
import type { ConcernsSlackDeps } from "../deps";
import { handleConcernSubmission } from "../submission-flow";
import { errorKind, workspaceOf } from "../workspace";

const COULD_NOT_SAVE =
  "Sorry, your concern could not be saved just now. Please try again in a minute; nothing has been recorded.";

/** The concern form's submission: answered within Slack's 3 seconds, the rest after. */
export function registerConcernSubmission(app: App, deps: ConcernsSlackDeps): void {
  app.view<ViewSubmitAction>(VIEWS.concernForm, async ({ ack, body, view, client }) => {
    const request = { workspaceId: workspaceOf(body), user: { id: body.user.id, name: body.user.name ?? null }, view };
    const step = await handleConcernSubmission(deps, request).catch((error: unknown) => {
      deps.logger.error(`Could not store a concern: ${errorKind(error)}`);
      return null;
    });
    if (!step) {
      await ack({ response_action: "errors", errors: { [CONCERN_INPUTS.whatHappened.block]: COULD_NOT_SAVE } });
      return;
    }
    await ack(step.response);
    await afterSubmission(deps, client, step, { workspaceId: request.workspaceId, userId: body.user.id }).catch(
      (error: unknown) => deps.logger.error(`Could not finish a concern submission: ${errorKind(error)}`),
    );
  });
}
