import { type Clock, systemClock } from "../clock";
import type { StandinContext } from "../context";
import { type AckEffect, applySlashCommandAck, applyViewSubmissionAck, type ViewAckEffect } from "./ack-effects";
import { type BlockActionInput, buildBlockAction } from "./payloads/block-actions";
import { buildEventCallback, buildUrlVerification, type EnvelopeOptions, type EventInput } from "./payloads/events";
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

  constructor(options: SlackDeliveryOptions) {
    this.ctx = options.standin.context;
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
