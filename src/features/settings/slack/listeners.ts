import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { View } from "@slack/types";
import type { Logger } from "../../../logger";
import { openModal } from "../../../slack/open-modal";
import type { WorkspaceSettingsService } from "../domain/service";
import type { SettingName } from "../domain/settings";
import type { WorkspaceAdmins } from "./admins";
import { formFromState, readSettingsForm, type StateValues } from "./form";
import {
  CHOICE_BLOCKS,
  FIELD_BLOCKS,
  formFromOverrides,
  refusalModal,
  SETTINGS_IDS,
  savedModal,
  settingsModal,
} from "./views";

type SlackClient = App["client"];

export interface SettingsSlackDeps {
  settings: WorkspaceSettingsService;
  admins: WorkspaceAdmins;
  /** Draws the person's App Home again, so it shows the settings just saved. */
  refreshHome(client: SlackClient, workspaceId: string, userId: string): Promise<void>;
  logger: Logger;
}

function workspaceOf(body: { team?: { id?: string } | null; user?: { team_id?: string } | null }): string {
  const id = body.team?.id ?? body.user?.team_id;
  if (!id) throw new Error("The request names no workspace");
  return id;
}

export function usersInfo(client: SlackClient) {
  return async (userId: string) => (await client.users.info({ user: userId })).user ?? null;
}

/** The block that shows a setting's error: for the policy leads, the field that named them. */
function errorBlock(name: SettingName, raw: Record<string, unknown>): string {
  if (name !== "knowledgeOwners") return FIELD_BLOCKS[name];
  const owners = raw.knowledgeOwners as { kind?: string } | undefined;
  return owners?.kind === "channel" ? CHOICE_BLOCKS.knowledgeOwnersChannel : CHOICE_BLOCKS.knowledgeOwnersGroup;
}

/** Slack's error code from a failed Web API call ("hash_conflict"), or the message. */
function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } }).data;
  if (typeof data?.error === "string") return data.error;
  return error instanceof Error ? error.message : String(error);
}

/** The modal was closed, or has changed since (a newer redraw, the saved notice): nothing to draw on. */
const GONE = ["not_found", "hash_conflict"];

type ChoiceAction = BlockAction & {
  view?: { id: string; hash: string; callback_id: string; state?: { values?: unknown } };
};

/**
 * For each open Settings modal: the newest choice seen (by Slack's action_ts) and the hash Slack
 * gave the modal as this instance last drew it, so that a redraw refused for a stale hash can be
 * made again on top of that one, and only for the newest choice.
 */
class Redraws {
  private readonly views = new Map<string, { newest: number; drawn?: string }>();

  constructor(private readonly limit = 1_000) {}

  seen(viewId: string, actionTs: string): void {
    const known = this.views.get(viewId);
    const at = Number(actionTs);
    if (known && at <= known.newest) return;
    this.views.delete(viewId);
    this.views.set(viewId, { newest: at, ...(known?.drawn ? { drawn: known.drawn } : {}) });
    if (this.views.size > this.limit) this.views.delete(this.views.keys().next().value ?? "");
  }

  drawn(viewId: string, hash: string | undefined): void {
    const known = this.views.get(viewId);
    if (known && hash) known.drawn = hash;
  }

  /** The hash to draw the newest choice again on, or none (an older choice, or not drawn here). */
  retryHash(viewId: string, actionTs: string): string | undefined {
    const known = this.views.get(viewId);
    return known && Number(actionTs) >= known.newest ? known.drawn : undefined;
  }
}

/**
 * A new choice in the Settings modal draws it again with only the fields that go with each choice,
 * keeping what is typed in the others. The update carries the hash of the view the choice was made
 * in. Refused as stale, the modal has changed since: if this instance's own redraw changed it (two
 * choices in quick succession), the newest choice is drawn once more on top of that redraw; an older
 * choice, or a modal that became something else (saved, closed), is left as it is. Nothing is stored
 * here; saving checks everything again.
 */
function registerChoiceRedraws(app: App, deps: SettingsSlackDeps): void {
  const redraws = new Redraws();
  const update = async (client: SlackClient, viewId: string, hash: string, view: View) => {
    const updated = await client.views.update({ view_id: viewId, hash, view });
    redraws.drawn(viewId, updated.view?.hash);
  };
  const redraw = async ({ ack, body, action, client }: SlackActionMiddlewareArgs<ChoiceAction> & AllMiddlewareArgs) => {
    await ack();
    const view = body.view;
    if (!view || view.callback_id !== SETTINGS_IDS.modal) return;
    const actionTs = (action as { action_ts?: string }).action_ts ?? "0";
    redraws.seen(view.id, actionTs);
    const before = formFromOverrides(await deps.settings.overrides(workspaceOf(body)));
    const drawn = settingsModal(
      formFromState((view.state?.values ?? {}) as StateValues, before),
      deps.settings.environmentDefaults,
    );
    try {
      await update(client, view.id, view.hash, drawn);
    } catch (error) {
      const code = slackErrorCode(error);
      const again = code === "hash_conflict" ? redraws.retryHash(view.id, actionTs) : undefined;
      if (again && again !== view.hash) {
        await update(client, view.id, again, drawn).catch((retried: unknown) => {
          if (!GONE.includes(slackErrorCode(retried))) throw retried;
        });
      } else if (!GONE.includes(code)) throw error;
    }
  };
  const safely = (args: Parameters<typeof redraw>[0]) =>
    redraw(args).catch((error: unknown) =>
      deps.logger.warn(`Could not redraw the Settings modal: ${slackErrorCode(error)}`),
    );
  app.action<ChoiceAction>(CHOICE_BLOCKS.leads, safely);
  app.action<ChoiceAction>(FIELD_BLOCKS.knowledgeOwners, safely);
}

/** App Home's Settings button and modal; the submission checks again that the person is an admin. */
export function registerSettingsListeners(app: App, deps: SettingsSlackDeps): void {
  registerChoiceRedraws(app, deps);
  app.action<BlockAction>(SETTINGS_IDS.open, async ({ ack, body, client }) => {
    await ack();
    const workspaceId = workspaceOf(body);
    const admin = await deps.admins.isAdmin(workspaceId, body.user.id, usersInfo(client));
    const view = admin
      ? settingsModal(formFromOverrides(await deps.settings.overrides(workspaceId)), deps.settings.environmentDefaults)
      : refusalModal();
    await openModal(client, {
      triggerId: body.trigger_id,
      view,
      who: { userId: body.user.id },
      retry: "press Change settings on the bot's Home tab again.",
      logger: deps.logger,
    });
  });

  app.view<ViewSubmitAction>(SETTINGS_IDS.modal, async ({ ack, body, view, client }) => {
    const workspaceId = workspaceOf(body);
    const userId = body.user.id;
    if (!(await deps.admins.isAdmin(workspaceId, userId, usersInfo(client), true))) {
      await ack({ response_action: "update", view: refusalModal() });
      return;
    }
    const form = readSettingsForm((view.state?.values ?? {}) as StateValues);
    if (!form.ok) {
      await ack({ response_action: "errors", errors: form.errors });
      return;
    }
    const saved = await deps.settings.save(workspaceId, form.raw, userId);
    if (!saved.ok) {
      const errors: Record<string, string> = {};
      for (const [name, message] of Object.entries(saved.errors))
        errors[errorBlock(name as SettingName, form.raw)] = message;
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack({ response_action: "update", view: savedModal(saved.changes.length) });
    await deps.refreshHome(client, workspaceId, userId).catch((error: unknown) => {
      deps.logger.warn("Could not refresh App Home after saving settings", error);
    });
  });
}
