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
export { SlackStandin, startSlackStandin } from "./standin";
export { type SlackStandinOptions, StandinContext, DEFAULT_TOKEN, DEFAULT_APP_TOKEN } from "./context";
export { SocketModeHub, type SocketAck } from "./socket-mode";
export { SlackApiError } from "./errors";
export type { InjectedFailure, RateLimitRule } from "./faults";
export type { CallPredicate, RecordedCall } from "./recorder";
export { type BlockKitLimits, defaultBlockKitLimits, checkMessageBlocks, checkView } from "./blocks/validate";
export { answerApiCall, type ApiAnswer, type ApiRequest } from "./api/router";
export { methodTable } from "./api/registry";
export type { ChannelSeed, UsergroupSeed, UserSeed, Workspace } from "./state/workspace";
export type { ResponseUrlTarget } from "./state/response-urls";
export { ChangeFeed, type ChangeListener } from "./state/changes";
export { streamChanges } from "./http/changes-stream";
export type { ViewInput } from "./state/views";
export type * from "./state/types";
export { SlackDelivery, type SlackDeliveryOptions, type Delivered, type SlashCommandDelivery, type ViewSubmissionDelivery } from "./delivery/delivery";
export type { AckEffect, ViewAckEffect } from "./delivery/ack-effects";
export { ACK_DEADLINE_MS, type DeliveryOptions, type DeliveryResult } from "./delivery/transport";
export { slackSignature } from "./delivery/sign";
export type { SlashCommandInput } from "./delivery/payloads/slash-command";
export type { GlobalShortcutInput, MessageShortcutInput } from "./delivery/payloads/shortcuts";
export type { ActionContainer, BlockActionInput } from "./delivery/payloads/block-actions";
export type { ViewClosedInput, ViewSubmissionInput } from "./delivery/payloads/view-payloads";
export type { EnteredValues, EnteredValuesByBlock } from "./delivery/payloads/view-state";
export type { UserInput } from "./delivery/payloads/element-state";
export type { EnvelopeOptions, EventInput } from "./delivery/payloads/events";
