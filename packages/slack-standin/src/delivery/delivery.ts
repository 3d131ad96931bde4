import { type Clock, systemClock } from "../clock";
import type { StandinContext } from "../context";
import type { AssistantThread, StoredMessage } from "../state/types";
import { type AckEffect, applySlashCommandAck, applyViewSubmissionAck, type ViewAckEffect } from "./ack-effects";
import { type BlockActionInput, buildBlockAction } from "./payloads/block-actions";
import { requireChannel, requireUser } from "./payloads/common";
import { buildEventCallback, buildUrlVerification, type EnvelopeOptions, type EventInput } from "./payloads/events";
import { eventsForEdit, eventsForNewMessage } from "./payloads/message-events";
import {
  buildGlobalShortcut,
  buildMessageShortcut,
  type GlobalShortcutInput,
  type MessageShortcutInput,
} from "./payloads/shortcuts";
import { buildSlashCommand, type SlashCommandInput } from "./payloads/slash-command";
import {
  buildViewClosed,
  buildViewSubmission,
  type ViewClosedInput,
  type ViewSubmissionInput,
} from "./payloads/view-payloads";
import { type DeliveryOptions, type DeliveryResult, deliver, type Endpoint, replayRequest } from "./transport";

export interface SlackDeliveryOptions {
  /** The app's Request URL, e.g. "http://127.0.0.1:3000/slack/events". */
  requestUrl: string;
  signingSecret: string;
  standin: { readonly context: StandinContext };
  /** Time for X-Slack-Request-Timestamp (default: the real clock, which the app checks against). */
  clock?: Clock;
  /** The bot events the app subscribes to (its manifest's `bot_events`); default DEFAULT_SUBSCRIPTIONS. */
  subscriptions?: readonly string[];
}

/** What the stand-in delivers when none are named: mentions, the app's DMs and the assistant panel. */
export const DEFAULT_SUBSCRIPTIONS: readonly string[] = [
  "app_mention",
  "message.im",
  "assistant_thread_started",
  "assistant_thread_context_changed",
];

export interface UserMessageInput {
  user: string;
  /** Channel id or name, or a user id for the app's DM with that user. */
  channel: string;
  text: string;
  /** Reply in this thread. */
  thread_ts?: string;
}

/** A person's message as stored, and the event deliveries Slack made for it (none where the app hears nothing). */
export interface UserMessageDelivery {
  message: StoredMessage;
  deliveries: Delivered<Record<string, unknown>>[];
}

export interface AssistantThreadDelivery {
  thread: AssistantThread;
  delivery?: Delivered<Record<string, unknown>>;
}
export type Delivered<P> = DeliveryResult & { payload: P };
export type SlashCommandDelivery = DeliveryResult & { triggerId: string; responseUrl: string; effect: AckEffect };
export type ViewSubmissionDelivery = Delivered<Record<string, unknown>> & { effect: ViewAckEffect };

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** Slack's side of the app's Request URL: builds Slack's payloads, signs them, posts them. */
export class SlackDelivery {
  private readonly ctx: StandinContext;
  private readonly endpoint: Endpoint;
  readonly subscriptions: readonly string[];

  constructor(options: SlackDeliveryOptions) {
    this.ctx = options.standin.context;
    this.subscriptions = options.subscriptions ?? DEFAULT_SUBSCRIPTIONS;
    this.endpoint = {
      requestUrl: options.requestUrl,
      signingSecret: options.signingSecret,
      clock: options.clock ?? systemClock,
    };
  }

  async slashCommand(input: SlashCommandInput, options?: DeliveryOptions): Promise<SlashCommandDelivery> {
    const built = buildSlashCommand(this.ctx, input);
    const result = await this.send(built.body, FORM, options);
    const effect = applySlashCommandAck(this.ctx, built.channel, input.user, result);
    return { ...result, triggerId: built.triggerId, responseUrl: built.responseUrl, effect };
  }

  async messageShortcut(input: MessageShortcutInput, options?: DeliveryOptions) {
    return this.interaction(buildMessageShortcut(this.ctx, input), options);
  }

  async globalShortcut(input: GlobalShortcutInput, options?: DeliveryOptions) {
    return this.interaction(buildGlobalShortcut(this.ctx, input), options);
  }

  async blockAction(input: BlockActionInput, options?: DeliveryOptions) {
    return this.interaction(buildBlockAction(this.ctx, input), options);
  }

  /** Submits the modal; the ack's response_action (or an empty ack) is applied to the view stack. */
  async viewSubmission(input: ViewSubmissionInput, options?: DeliveryOptions): Promise<ViewSubmissionDelivery> {
    const { view, payload } = buildViewSubmission(this.ctx, input);
    const result = await this.interaction(payload, options);
    return { ...result, effect: applyViewSubmissionAck(this.ctx, view, result) };
  }

  /** The user closes the modal. Slack tells the app only if it asked (notify_on_close). */
  async viewClosed(
    input: ViewClosedInput,
    options?: DeliveryOptions,
  ): Promise<Delivered<Record<string, unknown>> | undefined> {
    const { view, payload } = buildViewClosed(this.ctx, input);
    this.ctx.views.close(view);
    return view.notify_on_close ? this.interaction(payload, options) : undefined;
  }

  async event(input: EventInput, options: DeliveryOptions & EnvelopeOptions = {}) {
    return this.json(buildEventCallback(this.ctx, input, options), options);
  }

  async appHomeOpened(user: string, options?: DeliveryOptions & EnvelopeOptions) {
    return this.event({ type: "app_home_opened", user, tab: "home" }, options);
  }

  /**
   * A person posts (as Slack's client would send it: mentions as <@U…>): the message is stored and
   * the events the app subscribed to are delivered, one after another, as Slack would.
   */
  async userMessage(input: UserMessageInput, options: DeliveryOptions = {}): Promise<UserMessageDelivery> {
    const user = requireUser(this.ctx, input.user);
    const channel = requireChannel(this.ctx, input.channel);
    const message = this.ctx.workspace.postAsUser(channel.id, user.id, input.text, {
      ...(input.thread_ts ? { thread_ts: input.thread_ts } : {}),
      client_msg_id: this.ctx.ids.clientMessageId(),
    });
    const deliveries = [];
    for (const event of eventsForNewMessage(this.ctx, message, channel, this.subscriptions))
      deliveries.push(await this.event(event, options));
    return { message, deliveries };
  }

  /** A person edits their message: stored, and the edit delivered as Slack delivers edits. */
  async userEdit(
    input: { user: string; channel: string; ts: string; text: string },
    options: DeliveryOptions = {},
  ): Promise<UserMessageDelivery> {
    const channel = requireChannel(this.ctx, input.channel);
    const message = this.ctx.messages.find(channel.id, input.ts);
    if (!message || message.user !== input.user) throw new Error(`${input.user} wrote no message ${input.ts} there`);
    const previous = structuredClone(message);
    this.ctx.messages.update(message, { text: input.text, blocks: undefined }, input.user);
    const deliveries = [];
    for (const event of eventsForEdit(this.ctx, message, previous, channel, this.subscriptions))
      deliveries.push(await this.event(event, options));
    return { message, deliveries };
  }

  /**
   * The person opens the app's assistant panel: a new thread in their DM with the app, and
   * `assistant_thread_started` with the channel they were viewing as its context.
   */
  async assistantThreadStarted(
    input: { user: string; viewing?: string },
    options: DeliveryOptions = {},
  ): Promise<AssistantThreadDelivery> {
    const user = requireUser(this.ctx, input.user);
    const dm = this.ctx.workspace.dmWith(user.id);
    const root = this.ctx.messages.post({
      channel: dm.id,
      user: user.id,
      text: "New chat",
      subtype: "assistant_app_thread",
    });
    const thread = this.ctx.assistantThreads.open({
      channel: dm.id,
      thread_ts: root.ts,
      user: user.id,
      context: this.assistantContext(input.viewing),
    });
    if (!this.subscriptions.includes("assistant_thread_started")) return { thread };
    const delivery = await this.event(
      { type: "assistant_thread_started", assistant_thread: threadRef(thread) },
      options,
    );
    return { thread, delivery };
  }

  /** The person moves to another channel with the assistant panel open. */
  async assistantContextChanged(
    input: { user: string; thread: AssistantThread; viewing?: string },
    options: DeliveryOptions = {},
  ): Promise<AssistantThreadDelivery> {
    this.ctx.assistantThreads.change(input.thread, { context: this.assistantContext(input.viewing) });
    if (!this.subscriptions.includes("assistant_thread_context_changed")) return { thread: input.thread };
    const delivery = await this.event(
      { type: "assistant_thread_context_changed", assistant_thread: threadRef(input.thread) },
      options,
    );
    return { thread: input.thread, delivery };
  }

  private assistantContext(viewing: string | undefined): AssistantThread["context"] {
    const channel = viewing ? this.ctx.workspace.channel(viewing) : undefined;
    return { ...(channel ? { channel_id: channel.id } : {}), team_id: this.ctx.team.id, enterprise_id: null };
  }

  /**
   * Someone removes the app from the workspace: its bot token is revoked, then Slack sends
   * `tokens_revoked` (naming the bot user) and `app_uninstalled`, as it does.
   */
  async appUninstalled(options: DeliveryOptions = {}) {
    this.ctx.oauth.revoke(this.ctx);
    const revoked = await this.tokensRevoked({ bot: [this.ctx.app.botUserId] }, options);
    const uninstalled = await this.event({ type: "app_uninstalled" }, options);
    return { revoked, uninstalled };
  }

  /** `tokens_revoked`: the user ids whose OAuth (user) or bot tokens were revoked. */
  async tokensRevoked(tokens: { oauth?: string[]; bot?: string[] }, options: DeliveryOptions = {}) {
    if ((tokens.bot ?? []).length > 0) this.ctx.oauth.revoke(this.ctx);
    return this.event({ type: "tokens_revoked", tokens }, options);
  }

  async urlVerification(options?: DeliveryOptions) {
    return this.json(buildUrlVerification(this.ctx), options);
  }

  /**
   * Sends a request already delivered again, byte for byte with the same signature and timestamp:
   * what an attacker who captured it (or a proxy that repeats it) would send.
   */
  replay(sent: DeliveryResult["sent"], timeoutMs?: number): Promise<DeliveryResult> {
    return replayRequest(this.endpoint, sent, timeoutMs);
  }

  /** Any body, signed like Slack signs: for malformed or hand-made requests. */
  send(body: string, contentType: string, options?: DeliveryOptions): Promise<DeliveryResult> {
    return deliver(this.endpoint, body, contentType, options);
  }

  /** Interactive payloads travel as a form with one field: payload=<JSON>. */
  private async interaction<P>(payload: P, options?: DeliveryOptions): Promise<Delivered<P>> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return { ...(await this.send(body, FORM, options)), payload };
  }

  private async json<P>(payload: P, options?: DeliveryOptions): Promise<Delivered<P>> {
    return { ...(await this.send(JSON.stringify(payload), JSON_TYPE, options)), payload };
  }
}

function threadRef(thread: AssistantThread) {
  return { user_id: thread.user, context: thread.context, channel_id: thread.channel, thread_ts: thread.thread_ts };
}
