/**
 * The project's only stand-in for Slack (Slack's servers cannot be reached here): a Web API
 * server for @slack/web-api clients, and Slack's side of the app's Request URL.
 *
 *   const standin = await startSlackStandin({ clock });          // 127.0.0.1, random port
 *   const alice = standin.workspace.addUser({ name: "alice" });
 *   const general = standin.workspace.addChannel({ name: "general", members: [alice.id] });
 *   const app = new App({ token: standin.token, signingSecret, clientOptions: { slackApiUrl: standin.apiUrl } });
 *   const slack = standin.delivery("http://127.0.0.1:3000/slack/events", signingSecret);
 *   await slack.slashCommand({ command: "/objectives", user: alice.id, channel: general.id });
 *   await standin.waitForCall("views.open");
 *   await slack.viewSubmission({ user: alice.id, values: { concern_text: "..." } });
 */

export { methodTable } from "./api/registry";
export { type ApiAnswer, type ApiRequest, answerApiCall } from "./api/router";
export { type BlockKitLimits, checkMessageBlocks, checkView, defaultBlockKitLimits } from "./blocks/validate";
export { DEFAULT_APP_TOKEN, DEFAULT_TOKEN, type SlackStandinOptions, StandinContext } from "./context";
export type { AckEffect, ViewAckEffect } from "./delivery/ack-effects";
export {
  type Delivered,
  SlackDelivery,
  type SlackDeliveryOptions,
  type SlashCommandDelivery,
  type ViewSubmissionDelivery,
} from "./delivery/delivery";
export type { ActionContainer, BlockActionInput } from "./delivery/payloads/block-actions";
export type { UserInput } from "./delivery/payloads/element-state";
export type { EnvelopeOptions, EventInput } from "./delivery/payloads/events";
export type { GlobalShortcutInput, MessageShortcutInput } from "./delivery/payloads/shortcuts";
export type { SlashCommandInput } from "./delivery/payloads/slash-command";
export type { ViewClosedInput, ViewSubmissionInput } from "./delivery/payloads/view-payloads";
export type { EnteredValues, EnteredValuesByBlock } from "./delivery/payloads/view-state";
export { slackSignature } from "./delivery/sign";
export { ACK_DEADLINE_MS, type DeliveryOptions, type DeliveryResult } from "./delivery/transport";
export { SlackApiError } from "./errors";
export type { InjectedFailure, RateLimitRule } from "./faults";
export { streamChanges } from "./http/changes-stream";
export type { CallPredicate, RecordedCall } from "./recorder";
export { type SocketAck, SocketModeHub } from "./socket-mode";
export { SlackStandin, startSlackStandin } from "./standin";
export { ChangeFeed, type ChangeListener } from "./state/changes";
export type { ResponseUrlTarget } from "./state/response-urls";
export type * from "./state/types";
export type { ViewInput } from "./state/views";
export type { ChannelSeed, UsergroupSeed, UserSeed, Workspace } from "./state/workspace";
