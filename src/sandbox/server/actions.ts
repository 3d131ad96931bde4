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
  message: z.object({ as: id, channel: id, text: z.string().min(1).max(40_000), threadTs: id.optional() }),
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
    values: z.record(id, z.record(id, userValue)).optional(),
  }),
  submit: z.object({ as: id, viewId: id, values: z.record(id, z.record(id, userValue)) }),
  close: z.object({ as: id, viewId: id }),
  home: z.object({ as: id }),
  dismiss: z.object({ as: id, channel: id, ts: id }),
  assistant: z.object({ as: id, viewing: id.optional() }),
  assistantContext: z.object({ as: id, channel: id, threadTs: id, viewing: id.optional() }),
} satisfies { [K in keyof ApiRequests]: z.ZodType<ApiRequests[K]> };

export type ApiName = keyof typeof requestSchemas;

export function isApiName(name: string): name is ApiName {
  return Object.hasOwn(requestSchemas, name);
}

const ok: ApiOutcome = { ok: true };

/** Who `@name` means in typed text: a person's or the bot's Slack user id, by their username. */
export type MentionLookup = (name: string) => string | undefined;

/**
 * What Slack's own client sends for typed text: &, < and > escaped, web addresses made links, and
 * `@name` (a person's username, or the bot's, as autocomplete would pick them) made a mention.
 */
export function asSlackClientSends(typed: string, mention: MentionLookup = () => undefined): string {
  const escaped = typed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const linked = escaped.replace(/\bhttps?:\/\/[^\s<>]+[^\s<>.,;:!?)'"]/g, (url) => `<${url}>`);
  return linked.replace(/(^|[\s(])@([a-z0-9][a-z0-9._-]*[a-z0-9])/gi, (whole, before: string, name: string) => {
    const id = mention(name.toLowerCase());
    return id ? `${before}<@${id}>` : whole;
  });
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
      case "dismiss":
        return this.run(requestSchemas.dismiss, body, (b) => this.dismiss(b));
      case "assistant":
        return this.run(requestSchemas.assistant, body, (b) => this.assistant(b));
      case "assistantContext":
        return this.run(requestSchemas.assistantContext, body, (b) => this.assistantContext(b));
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

  /**
   * A slash command goes to the bot as Slack sends it (`/invite @app` is Slack's own); anything else
   * is posted as the person's message, in a thread if given, and the bot hears of it as Slack would
   * tell it (a mention, a direct message, a message in its assistant thread).
   */
  private async message({ as, channel, text, threadTs }: ApiRequests["message"]): Promise<ApiOutcome> {
    const conversation = this.conversationFor(as, channel);
    if (!conversation) return refused("You can't post there.");
    const trimmed = text.trim();
    if (!trimmed.startsWith("/")) {
      if (conversation.is_im && this.world.manifest.messagesReadOnly) {
        return refused(
          `Sending messages to ${this.world.manifest.name} has been turned off (its Messages tab is read-only); slash commands work here.`,
        );
      }
      const sent = asSlackClientSends(text, (name) => this.userNamed(name));
      const posted = await this.slack.userMessage({
        user: as,
        channel: conversation.id,
        text: sent,
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      const failed = posted.deliveries.map(deliveryProblem).find((problem) => problem !== undefined);
      if (failed) return refused(`The message was posted, but the bot did not take it: ${failed}.`);
      const { workspace } = this.world.standin;
      if (sent.includes(`<@${workspace.app.botUserId}>`) && !workspace.botIsMember(conversation))
        return refused(
          `You mentioned ${this.world.manifest.botName}, but it isn't in #${conversation.name}, so it won't see it. Send /invite @${this.world.manifest.botName} to add it.`,
        );
      return ok;
    }
    const command = trimmed.split(/\s+/, 1)[0] ?? trimmed;
    if (command === "/invite") return this.invite(as, conversation, trimmed.slice(command.length).trim());
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

  /** Slack's `/invite @app`: only the app can be invited in the sandbox, into a channel the person is in. */
  private invite(as: string, conversation: { id: string; name: string; is_im: boolean }, who: string): ApiOutcome {
    const { botName } = this.world.manifest;
    if (conversation.is_im) return refused("/invite works in a channel.");
    if (who.replace(/^@/, "").toLowerCase() !== botName.toLowerCase())
      return refused(`In the sandbox, /invite adds only the app: /invite @${botName}`);
    try {
      this.world.standin.workspace.inviteBot(conversation.id, as);
      return ok;
    } catch (error) {
      return refused(error instanceof Error ? error.message : String(error));
    }
  }

  private userNamed(name: string): string | undefined {
    const { workspace } = this.world.standin;
    if (name === this.world.manifest.botName.toLowerCase()) return workspace.app.botUserId;
    return workspace.allUsers().find((u) => !u.is_bot && u.name.toLowerCase() === name)?.id;
  }

  private async dismiss({ as, channel, ts }: ApiRequests["dismiss"]): Promise<ApiOutcome> {
    const { messages } = this.world.standin.context;
    const ephemeral = messages.findEphemeral(channel, ts);
    if (!ephemeral || ephemeral.user !== as) return refused("That message is no longer there.");
    messages.deleteEphemeral(ephemeral);
    return ok;
  }

  /** Opens the assistant panel: Slack starts a thread in the person's DM with the app and tells the app. */
  private async assistant({ as, viewing }: ApiRequests["assistant"]): Promise<ApiOutcome> {
    if (!this.world.manifest.assistant) return refused(`${this.world.manifest.name} has no assistant panel.`);
    const started = await this.slack.assistantThreadStarted({ user: as, ...(viewing ? { viewing } : {}) });
    const problem = started.delivery ? deliveryProblem(started.delivery) : undefined;
    if (problem) return refused(`Opening the assistant failed with the error ${problem}.`);
    return { ok: true, panel: `assistant:${started.thread.channel}:${started.thread.thread_ts}` };
  }

  private async assistantContext({
    as,
    channel,
    threadTs,
    viewing,
  }: ApiRequests["assistantContext"]): Promise<ApiOutcome> {
    const thread = this.world.standin.context.assistantThreads.find(channel, threadTs);
    if (!thread || thread.user !== as) return refused("That assistant thread is not yours.");
    const changed = await this.slack.assistantContextChanged({ user: as, thread, ...(viewing ? { viewing } : {}) });
    return changed.delivery ? this.outcome("Following you to this channel", changed.delivery) : ok;
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

  private async action({
    as,
    container,
    actionId,
    blockId,
    value,
    values,
  }: ApiRequests["action"]): Promise<ApiOutcome> {
    if (container.type === "message" && !this.conversationFor(as, container.channel))
      return refused("You can't see that message.");
    const result = await this.slack.blockAction({
      user: as,
      actionId,
      blockId,
      value: value ?? undefined,
      container,
      ...(container.type === "view" && values ? { valuesByBlock: values } : {}),
    });
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
