import type { DeliveryResult, SlackDelivery } from "@localism/slack-standin";
import { z } from "zod";
import type { ApiOutcome, ApiRequests } from "../page/contract";
import { people, type SandboxWorld, visibleChannels } from "./page-state";

/**
 * What a person does on the page, turned into what Slack would do: post their message, or
 * deliver a signed slash command, shortcut, block action, view submission or event to the bot.
 */

const id = z.string().min(1).max(255);
const userValue = z.union([z.string().max(10_000), z.array(z.string().max(10_000)).max(100), z.null()]);

export const requestSchemas = {
  message: z.object({ as: id, channel: id, text: z.string().min(1).max(40_000) }),
  shortcut: z.object({ as: id, callbackId: id, channel: id.optional(), ts: id.optional() }),
  action: z.object({
    as: id,
    container: z.discriminatedUnion("type", [
      z.object({ type: z.literal("message"), channel: id, ts: id, ephemeral: z.boolean() }),
      z.object({ type: z.literal("view"), viewId: id }),
    ]),
    actionId: id,
    blockId: id,
    value: userValue.optional(),
  }),
  submit: z.object({ as: id, viewId: id, values: z.record(id, z.record(id, userValue)) }),
  close: z.object({ as: id, viewId: id }),
  home: z.object({ as: id }),
} satisfies { [K in keyof ApiRequests]: z.ZodType<ApiRequests[K]> };

export type ApiName = keyof typeof requestSchemas;

export function isApiName(name: string): name is ApiName {
  return Object.hasOwn(requestSchemas, name);
}

const ok: ApiOutcome = { ok: true };

/** What Slack's own client sends for typed text: &, < and > escaped, web addresses made links. */
export function asSlackClientSends(typed: string): string {
  const escaped = typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped.replace(/\bhttps?:\/\/[^\s<>]+[^\s<>.,;:!?)'"]/g, (url) => `<${url}>`);
}

const refused = (error: string): ApiOutcome => ({ ok: false, error });

/** Slack's words when the app does not answer in time or answers with an error. */
function deliveryProblem(result: DeliveryResult): string | undefined {
  if (result.tooSlow)
    return `"operation_timeout" (the bot took ${Math.round(result.ackMs)} ms to answer; Slack waits 3 s)`;
  if (result.status === 404) return `"dispatch_failed" (the bot answered HTTP 404: nothing in it handles this yet)`;
  if (result.status !== 200) return `"dispatch_failed" (the bot answered HTTP ${result.status})`;
  return undefined;
}

export class SandboxActions {
  constructor(
    private readonly world: SandboxWorld,
    private readonly slack: SlackDelivery,
  ) {}

  handle(name: ApiName, body: unknown): Promise<ApiOutcome> {
    switch (name) {
      case "message":
        return this.run(requestSchemas.message, body, (b) => this.message(b));
      case "shortcut":
        return this.run(requestSchemas.shortcut, body, (b) => this.shortcut(b));
      case "action":
        return this.run(requestSchemas.action, body, (b) => this.action(b));
      case "submit":
        return this.run(requestSchemas.submit, body, (b) => this.submit(b));
      case "close":
        return this.run(requestSchemas.close, body, (b) => this.close(b));
      case "home":
        return this.run(requestSchemas.home, body, (b) => this.home(b));
    }
  }

  private async run<T extends { as: string }>(
    schema: z.ZodType<T>,
    body: unknown,
    handler: (request: T) => Promise<ApiOutcome>,
  ): Promise<ApiOutcome> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) return refused(`That request was not understood: ${z.prettifyError(parsed.error)}`);
    if (!people(this.world).some((p) => p.id === parsed.data.as))
      return refused("Choose someone from the sandbox to act as.");
    try {
      return await handler(parsed.data);
    } catch (error) {
      return refused(error instanceof Error ? error.message : String(error));
    }
  }

  /** A slash command goes to the bot as Slack sends it; anything else is posted as the person's message. */
  private async message({ as, channel, text }: ApiRequests["message"]): Promise<ApiOutcome> {
    const conversation = this.conversationFor(as, channel);
    if (!conversation) return refused("You can't post there.");
    const trimmed = text.trim();
    if (!trimmed.startsWith("/")) {
      if (conversation.is_im && this.world.manifest.messagesReadOnly) {
        return refused(
          `Sending messages to ${this.world.manifest.name} has been turned off (its Messages tab is read-only); slash commands work here.`,
        );
      }
      // Stored as the person's message; the bot hears of it as Slack would tell it (a mention, a DM).
      const posted = await this.slack.userMessage({
        user: as,
        channel: conversation.id,
        text: asSlackClientSends(text),
      });
      const failed = posted.deliveries.map(deliveryProblem).find((problem) => problem !== undefined);
      return failed ? refused(`The message was posted, but the bot did not take it: ${failed}.`) : ok;
    }
    const command = trimmed.split(/\s+/, 1)[0] ?? trimmed;
    if (!this.world.manifest.commands.some((c) => c.command === command)) {
      return refused(
        `${command} is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`,
      );
    }
    const sent = await this.slack.slashCommand({
      command,
      text: trimmed.slice(command.length).trim(),
      user: as,
      channel: conversation.id,
    });
    const problem = deliveryProblem(sent);
    if (problem) return refused(`${command} failed with the error ${problem}.`);
    if (sent.effect.kind === "failed") return refused(`${command} failed: ${sent.effect.reason}.`);
    return ok;
  }

  private async shortcut({ as, callbackId, channel, ts }: ApiRequests["shortcut"]): Promise<ApiOutcome> {
    const shortcut = this.world.manifest.shortcuts.find((s) => s.callbackId === callbackId);
    if (!shortcut) return refused(`The app's manifest has no shortcut ${callbackId}.`);
    if (shortcut.type === "global")
      return this.outcome(shortcut.name, await this.slack.globalShortcut({ callbackId, user: as }));
    const conversation = channel ? this.conversationFor(as, channel) : undefined;
    if (!conversation || !ts) return refused(`"${shortcut.name}" works on a message: use ⋮ More actions on one.`);
    return this.outcome(
      shortcut.name,
      await this.slack.messageShortcut({ callbackId, user: as, channel: conversation.id, message: ts }),
    );
  }

  private async action({ as, container, actionId, blockId, value }: ApiRequests["action"]): Promise<ApiOutcome> {
    if (container.type === "message" && !this.conversationFor(as, container.channel))
      return refused("You can't see that message.");
    const result = await this.slack.blockAction({ user: as, actionId, blockId, value: value ?? undefined, container });
    return this.outcome("That", result);
  }

  private async submit({ as, viewId, values }: ApiRequests["submit"]): Promise<ApiOutcome> {
    const result = await this.slack.viewSubmission({ user: as, viewId, valuesByBlock: values });
    if (result.effect.kind === "failed")
      return refused(`We had some trouble connecting: ${result.effect.reason}. Try again?`);
    return ok;
  }

  private async close({ as, viewId }: ApiRequests["close"]): Promise<ApiOutcome> {
    const result = await this.slack.viewClosed({ user: as, viewId });
    return result ? this.outcome("Closing", result) : ok;
  }

  private async home({ as }: ApiRequests["home"]): Promise<ApiOutcome> {
    return this.outcome("Opening the Home tab", await this.slack.appHomeOpened(as));
  }

  private outcome(what: string, result: DeliveryResult): ApiOutcome {
    const problem = deliveryProblem(result);
    return problem ? refused(`${what} failed with the error ${problem}.`) : ok;
  }

  /** A channel the person can see, or their DM with the app. */
  private conversationFor(as: string, channel: string) {
    const visible = visibleChannels(this.world, as).find((c) => c.id === channel);
    if (visible) return visible;
    const dm = this.world.standin.workspace.channel(channel);
    return dm?.is_im && dm.user === as ? dm : undefined;
  }
}
