import type { EnteredValues, StoredMessage } from "@localism/slack-standin";
import type { Clock } from "../../../../src/clock";
import { CHANNELS, MANIFEST_BOT_SCOPES, PEOPLE, readable, startTestBot, type TestBot } from "../../../support/bot";

export { readable };

import type { Provider } from "../../../support/databases";

export { CHANNELS, PEOPLE };

export const TRIAGE = { id: "C0TRIAGE1", name: "concern-triage" } as const;
export const LEAD_GROUP = "S0LEADS01";
export const GROUP_LEAD = { id: "U0LEAD002", name: "sam.jones", real_name: "Sam Jones" } as const;
/** CONCERN_DEPUTY in the tests that set it: who gets a concern every lead recused from. */
export const DEPUTY = { id: "U0DEPUTY1", name: "dana.price", real_name: "Dana Price" } as const;

export interface ConcernBotOptions {
  clock?: Clock;
  provider?: Provider;
  env?: Record<string, string>;
  /** The bot scopes Slack grants (default: the manifest's). */
  botScopes?: readonly string[];
  /** Start the scheduled jobs, as `npm start` does (tests otherwise run them by hand). */
  startJobs?: boolean;
}

/** The manifest's scopes and the history of private channels, which the manifest leaves out on purpose. */
export const WITH_PRIVATE_HISTORY = [...MANIFEST_BOT_SCOPES, "groups:history"];

/** The bot with concern leads (one by id, one through a user group) and a triage channel the bot is in. */
export function startConcernBot(options: ConcernBotOptions = {}): Promise<TestBot> {
  return startTestBot({
    clock: options.clock,
    provider: options.provider,
    ...(options.startJobs ? { startJobs: true } : {}),
    env: { ...CONCERN_ENV, ...options.env },
    standin: {
      clock: options.clock,
      seed: CONCERN_SEED,
      ...(options.botScopes ? { botScopes: options.botScopes } : {}),
    },
  });
}

/** The settings startConcernBot gives the bot, for a bot started some other way (a child process). */
export const CONCERN_ENV = {
  CONCERN_LEADS: PEOPLE.lead.id,
  CONCERN_LEAD_GROUP: LEAD_GROUP,
  CONCERN_TRIAGE_CHANNEL: TRIAGE.id,
} as const;

/** The workspace startConcernBot seeds the stand-in with. */
export const CONCERN_SEED = {
  users: [...Object.values(PEOPLE), GROUP_LEAD, DEPUTY],
  channels: [
    { ...CHANNELS.commissioning, members: [PEOPLE.staff.id, PEOPLE.colleague.id, PEOPLE.lead.id] },
    { ...CHANNELS.governance, members: [PEOPLE.staff.id, PEOPLE.lead.id] },
    { ...TRIAGE, is_private: true, members: [PEOPLE.lead.id, GROUP_LEAD.id, PEOPLE.colleague.id] },
  ],
  usergroups: [{ id: LEAD_GROUP, handle: "concern-leads", users: [GROUP_LEAD.id] }],
};

export const FORM: EnteredValues = {
  what_happened:
    "The regional team told us which community provider we must commission, overruling our governing body.",
  objective: "1",
  body: "regional_team",
  impact: "high",
  identity_mode: "named",
};

/** Uses the message shortcut on a message and waits until the loading modal has become the form. */
export async function openFromMessage(
  t: TestBot,
  user: string,
  channel: string,
  message: StoredMessage,
  timeoutMs = 3_000,
) {
  const before = t.standin.callsTo("views.update").length;
  const delivered = await t.slack.messageShortcut({ callbackId: "log_autonomy_concern", user, channel, message });
  await waitUntil(() => t.standin.callsTo("views.update").length > before, timeoutMs);
  const view = t.standin.openViewsFor(user).at(-1);
  if (!view) throw new Error("no modal open");
  return { delivered, view };
}

/** Raises a concern from a message: shortcut, form, submit. */
export async function raiseFromMessage(
  t: TestBot,
  user: string,
  message: StoredMessage,
  values: EnteredValues = {},
  channel: string = CHANNELS.commissioning.id,
) {
  const { view } = await openFromMessage(t, user, channel, message);
  const submitted = await t.slack.viewSubmission({ user, viewId: view.id, values: { ...FORM, ...values } });
  return { view, submitted };
}

/** The concern as stored, by reference number, as a lead (or whoever else handles it) reads it. */
export async function stored(t: TestBot, number: number, as: string = PEOPLE.lead.id) {
  return t.bot.core.features.concerns.lookup
    .detail(t.standin.workspace.team.id, as, number)
    .then((r) => (r.ok ? r.value : null));
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The triage card (the bot's top-level message in the triage channel) for a reference. */
export function cardFor(t: TestBot, reference: string) {
  return t.standin
    .messagesIn(TRIAGE.id)
    .find(
      (message) => (!message.thread_ts || message.thread_ts === message.ts) && message.text.startsWith(`${reference}:`),
    );
}

/** The modal a user has on top once it shows `callbackId` (views open after the ack). */
export async function modalOf(t: TestBot, user: string, callbackId: string) {
  await waitUntil(() => t.standin.openViewsFor(user).at(-1)?.callback_id === callbackId);
  return t.standin.openViewsFor(user).at(-1)!;
}

/** `/concerns <text>` and the reply it gets (through the command's response URL). */
export async function concernsCommand(
  t: TestBot,
  user: string,
  text: string,
  channel: string = CHANNELS.commissioning.id,
) {
  const delivered = await t.slack.slashCommand({ command: "/concerns", text, user, channel });
  const id = delivered.responseUrl.split("/").at(-1);
  const call = await t.standin.waitForCall("response_url", (c) => c.params.response_url_id === id, 5_000);
  return { delivered, reply: readable(call.params), params: call.params };
}

/** The reference a confirmation modal shows. */
export function referenceShownTo(t: TestBot, user: string): string {
  const shown = readable(t.standin.openViewsFor(user).at(-1)?.blocks);
  const found = /CON-\d{4}/.exec(shown)?.[0];
  if (!found) throw new Error(`no reference in ${shown.slice(0, 300)}`);
  return found;
}

/** Chooses in a form element that dispatches actions (e.g. the identity mode) and waits for the modal to be drawn again. */
export async function choose(t: TestBot, user: string, viewId: string, actionId: string, value: string | string[]) {
  const before = t.standin.callsTo("views.update").length;
  await t.slack.blockAction({ user, actionId, container: { type: "view", viewId }, value });
  await waitUntil(() => t.standin.callsTo("views.update").length > before);
  const view = t.standin.openViewsFor(user).at(-1);
  if (!view) throw new Error("no modal open");
  return view;
}

/** A concern's card in someone's direct messages with the bot (once a lead has recused). */
export function dmCardFor(t: TestBot, user: string, reference: string) {
  return t.standin
    .messagesIn(t.standin.workspace.dmWith(user).id)
    .find(
      (message) => (!message.thread_ts || message.thread_ts === message.ts) && message.text.startsWith(`${reference}:`),
    );
}

/** Everything the bot said to someone in direct messages, as one string. */
export function dmsOf(t: TestBot, user: string): string {
  return readable(t.standin.messagesIn(t.standin.workspace.dmWith(user).id));
}

/** The bot's concern outbox, to run a pass when a test has moved the clock. */
export function outboxOf(t: TestBot) {
  const feature = t.bot.core.features.concerns.outbox;
  if (!feature) throw new Error("the concerns feature is not registered");
  return feature;
}

/** The concern outbox's rows of one kind, oldest first. */
export function outboxRows(t: TestBot, kind: string) {
  return t.bot.core.database.db.concernOutbox.findMany({ where: { kind }, orderBy: { id: "asc" } });
}

/** The DMs someone got that contain `text`. */
export function dmsWith(t: TestBot, user: string, text: string) {
  return t.standin.messagesIn(t.standin.workspace.dmWith(user).id).filter((m) => readable(m).includes(text));
}
