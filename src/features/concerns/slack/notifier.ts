import type { Logger } from "../../../logger";
import type { SlackMessage } from "../../../slack/message";
import type { WorkspaceClients } from "../../../slack/workspace-clients";
import type {
  CardRouting,
  CheckinService,
  ConcernLookup,
  ConcernPostRecord,
  ConcernRecord,
  ConcernStatus,
  Handling,
  MinutesNote,
  RecusalResult,
  TriageService,
} from "../domain";
import { minutesNoteKey } from "../storage/outbox";
import { type SlackClient, slackErrorCode } from "./client";
import { encodeCheckin } from "./metadata";
import { cardStub, triageCard } from "./views/card";
import { minutesNoteMessage, statusChangeMessage } from "./views/notifications";
import { reference } from "./views/text";

/** A value for every workspace, or each workspace's own (its admins' settings). */
export type PerWorkspace<T> = T | ((workspaceId: string) => Promise<T>);

export async function valueFor<T>(setting: PerWorkspace<T>, workspaceId: string): Promise<T> {
  return typeof setting === "function" ? (setting as (workspaceId: string) => Promise<T>)(workspaceId) : setting;
}

export interface NotifierSettings {
  triageChannel: PerWorkspace<string | null>;
  /** "<!subteam^S123>" or "<@U1> <@U2>", to nudge leads in reminders. */
  leadMention: PerWorkspace<string | null>;
  /**
   * A concern without a card yet: its card is owed through the outbox (written with the concern),
   * which this asks to run now rather than posting here, so a card is never posted twice.
   */
  cardOwed?: (concern: ConcernRecord) => Promise<void>;
  /** Messages were written to the outbox (a status change's DMs, a note, a recusal): asks it to run now. */
  messagesOwed?: () => void;
  /** A note the bot composed for the leads under the card, owed through the outbox once per `key`. */
  noticeOwed?: (concern: ConcernRecord, key: string, message: SlackMessage, broadcast: boolean) => Promise<void>;
  /** The confirmation DM owed to a named or confidential reporter or supporter (see ConcernOutbox "confirm"). */
  confirmation?: {
    shown(concern: ConcernRecord, userId: string): Promise<void>;
    owed(concern: ConcernRecord, userId: string): Promise<void>;
  };
}

export interface NotifierServices {
  lookup: Pick<ConcernLookup, "cardContext" | "peopleToTell" | "resolutions">;
  triage: Pick<TriageService, "recordCard">;
  routing: CardRouting;
  checkins: Pick<CheckinService, "ticketFor">;
}

/**
 * Everything the concern feature tells people in Slack outside a direct reply: the card (posted
 * once, then updated in place), thread notes, reminders and DMs. A concern's card lives in the
 * triage channel until a lead recuses; from then on in the direct messages of each person handling
 * it, and the triage channel keeps only its reference. Failures are logged with the concern's
 * reference only (never a reporter), and never break the caller.
 */
export class ConcernNotifier {
  constructor(
    private readonly clients: WorkspaceClients,
    private readonly services: NotifierServices,
    private readonly settings: NotifierSettings,
    private readonly logger: Logger,
  ) {}

  /** The card of a concern just raised: it has no history to show yet. */
  newCard(concern: ConcernRecord): SlackMessage {
    return triageCard(concern, { latest: null, messageCount: 0 });
  }

  /**
   * Updates the card in place (wherever it lives now). A card not posted yet is the outbox's to
   * post (see ConcernOutboxDelivery), drawn from the concern as it is then.
   */
  async showCard(concern: ConcernRecord): Promise<void> {
    if (this.services.routing.isPrivate(concern)) {
      await this.showPrivately(concern);
      return;
    }
    const channel = await valueFor(this.settings.triageChannel, concern.workspaceId);
    if (!channel) return;
    try {
      if (!concern.triage) {
        await this.settings.cardOwed?.(concern);
        return;
      }
      const card = await this.card(concern);
      await (await this.slack(concern.workspaceId)).chat.update({
        channel: concern.triage.channelId,
        ts: concern.triage.ts,
        ...card,
      });
    } catch (error) {
      this.failed(`post or update the triage card of ${reference(concern)}`, error, channel);
    }
  }

  /**
   * A concern just stored: its card, and the reporter's confirmation DM, were owed through the outbox
   * with it (the card's delivery also takes it to the handlers' DMs when it is handled privately).
   * This only asks the outbox to go now.
   */
  created(): void {
    this.settings.messagesOwed?.();
  }

  /**
   * A status change: the card updates. What the named and confidential reporter and supporters are
   * told was written to the outbox with the change; this asks it to go now.
   */
  async statusChanged(
    concern: ConcernRecord,
    change: { from: ConcernStatus; to: ConcernStatus } | null,
  ): Promise<void> {
    await this.showCard(concern);
    if (change) this.settings.messagesOwed?.();
  }

  /** The DMs a status change owes: never to an anonymous reporter or supporter (they have no user id here). */
  async statusDms(
    concern: ConcernRecord,
    change: { from: ConcernStatus; to: ConcernStatus },
    note: string | null,
  ): Promise<Array<{ userId: string; role: "reporter" | "supporter"; message: SlackMessage }>> {
    const firstResolution = !!(change.to === "resolved" && (await this.services.lookup.resolutions(concern)) === 1);
    const dms: Array<{ userId: string; role: "reporter" | "supporter"; message: SlackMessage }> = [];
    for (const userId of await this.services.lookup.peopleToTell(concern)) {
      const ticket = firstResolution ? await this.services.checkins.ticketFor(concern, userId) : null;
      const message = statusChangeMessage(concern, change, note, ticket ? encodeCheckin(ticket) : null);
      const role =
        concern.reporter.mode !== "anonymous" && concern.reporter.userId === userId ? "reporter" : "supporter";
      dms.push({ userId, role, message });
    }
    return dms;
  }

  /** The lead's reply goes under the card through the outbox, written with the reply. */
  async leadReplied(concern: ConcernRecord): Promise<void> {
    await this.showCard(concern);
    this.settings.messagesOwed?.();
  }

  /** The same for the anonymous reporter's reply. */
  async reporterReplied(concern: ConcernRecord): Promise<void> {
    await this.showCard(concern);
    this.settings.messagesOwed?.();
  }

  /**
   * A lead recused: the card leaves the triage channel (and their sight). Whoever handles it now is
   * told through the outbox (written with the recusal).
   */
  async recused(result: Extract<RecusalResult, { ok: true }>): Promise<void> {
    await this.showCard(result.concern);
    this.settings.messagesOwed?.();
  }

  /** Assigned: the card shows it, and the DM to the lead it went to is owed through the outbox. */
  async assigned(concern: ConcernRecord): Promise<void> {
    await this.showCard(concern);
    this.settings.messagesOwed?.();
  }

  /** A supporter was added: the note under the card is owed through the outbox. */
  async supported(concern: ConcernRecord): Promise<void> {
    await this.showCard(concern);
    this.settings.messagesOwed?.();
  }

  /** The confirmation was shown where the concern was raised: the DM owed in case it was not is not sent. */
  async confirmationShown(concern: ConcernRecord, userId: string): Promise<void> {
    await this.settings.confirmation?.shown(concern, userId);
  }

  /** It could not be shown there: the DM goes now rather than after its grace. */
  async confirmationOwed(concern: ConcernRecord, userId: string): Promise<void> {
    await this.settings.confirmation?.owed(concern, userId);
  }

  /**
   * Newly stored minutes that discussed the concern's objective, owed through the outbox (under the
   * card, to the channel too; by DM when it has none); false when nothing could take it.
   */
  async minutesNote(note: MinutesNote): Promise<boolean> {
    if (!this.settings.noticeOwed) return false;
    const key = minutesNoteKey(note.concern.id, note.minutes.documentId);
    try {
      await this.settings.noticeOwed(note.concern, key, minutesNoteMessage(note), true);
      return true;
    } catch (error) {
      // Not owed yet: its claim is released and the next pass tries again.
      this.logger.error(`Could not owe the minutes note about ${reference(note.concern)}: ${slackErrorCode(error)}`);
      return false;
    }
  }

  /** The handlers' cards in their DMs: where notes go for a concern handled privately. */
  async handlerCards(concern: ConcernRecord): Promise<Array<{ channel: string; threadTs: string; userId: string }>> {
    const posts = await this.services.routing.postsOf(concern.id);
    return posts.flatMap((post) =>
      post.kind === "card" && post.userId !== null
        ? [{ channel: post.channelId, threadTs: post.ts, userId: post.userId }]
        : [],
    );
  }

  handling(concern: ConcernRecord): Promise<Handling> {
    return this.services.routing.handling(concern);
  }

  remember(post: ConcernPostRecord): Promise<void> {
    return this.services.routing.remember(post);
  }

  leadMention(workspaceId: string): Promise<string | null> {
    return valueFor(this.settings.leadMention, workspaceId);
  }

  /** A DM to a person by user id (Slack opens the conversation). */
  async direct(workspaceId: string, userId: string, message: SlackMessage, about: string): Promise<boolean> {
    try {
      await (await this.slack(workspaceId)).chat.postMessage({ channel: userId, ...message });
      return true;
    } catch (error) {
      this.logger.warn(`Could not send a direct message about ${about}: ${slackErrorCode(error)}`);
      return false;
    }
  }

  /**
   * The card in each handler's direct messages; the triage channel's card becomes a stub and its
   * notes are taken back, and so is everything in the DMs of anyone no longer handling it.
   */
  private async showPrivately(concern: ConcernRecord): Promise<void> {
    const { routing } = this.services;
    try {
      const [handling, posts] = await Promise.all([routing.handling(concern), routing.postsOf(concern.id)]);
      await this.leaveChannel(concern, posts);
      const card = await this.card(concern, handling);
      for (const userId of handling.people) {
        const mine = posts.find((post) => post.kind === "card" && post.userId === userId);
        if (mine) {
          await (await this.slack(concern.workspaceId)).chat.update({ channel: mine.channelId, ts: mine.ts, ...card });
          continue;
        }
        const posted = await (await this.slack(concern.workspaceId)).chat.postMessage({ channel: userId, ...card });
        if (posted.ts && posted.channel)
          await routing.remember({
            concernId: concern.id,
            channelId: posted.channel,
            ts: posted.ts,
            kind: "card",
            userId,
          });
      }
      const gone = posts.filter((post) => post.userId !== null && !handling.people.includes(post.userId));
      await this.takeBack(concern, gone);
    } catch (error) {
      this.failed(`move the card of ${reference(concern)} to direct messages`, error, "their direct messages");
    }
  }

  /** Once: the triage channel's card becomes a stub and the notes in its thread are deleted. */
  private async leaveChannel(concern: ConcernRecord, posts: ConcernPostRecord[]): Promise<void> {
    const triage = concern.triage;
    if (!triage) return;
    const stubbed = posts.some((post) => post.kind === "card" && post.userId === null);
    if (stubbed) return;
    await this.takeBack(
      concern,
      posts.filter((post) => post.userId === null && post.kind === "note"),
    );
    await (await this.slack(concern.workspaceId)).chat.update({
      channel: triage.channelId,
      ts: triage.ts,
      ...cardStub(concern),
    });
    await this.services.routing.remember({
      concernId: concern.id,
      channelId: triage.channelId,
      ts: triage.ts,
      kind: "card",
      userId: null,
    });
  }

  /** Deletes notes and turns cards into stubs: what someone who recused must no longer see. */
  private async takeBack(concern: ConcernRecord, posts: ConcernPostRecord[]): Promise<void> {
    for (const post of posts) {
      try {
        if (post.kind === "card") {
          await (await this.slack(concern.workspaceId)).chat.update({
            channel: post.channelId,
            ts: post.ts,
            ...cardStub(concern),
          });
          await this.services.routing.forget(post);
          continue;
        }
        await (await this.slack(concern.workspaceId)).chat.delete({ channel: post.channelId, ts: post.ts });
        await this.services.routing.forget(post);
      } catch (error) {
        const code = slackErrorCode(error);
        if (code === "message_not_found") await this.services.routing.forget(post);
        else this.logger.warn(`Could not take back a message about ${reference(concern)}: ${code}`);
      }
    }
  }

  /** The concern's workspace's client; throws (and the caller logs) when the app is not installed there. */
  private async slack(workspaceId: string): Promise<SlackClient> {
    const client = await this.clients.forWorkspace(workspaceId);
    if (!client) throw new Error(`the app is not installed in ${workspaceId}`);
    return client as SlackClient;
  }

  private async card(concern: ConcernRecord, handling?: Handling): Promise<SlackMessage> {
    const context = await this.services.lookup.cardContext(concern);
    const placement =
      handling && this.services.routing.isPrivate(concern)
        ? { kind: "direct" as const, route: handling.route === "deputy" ? ("deputy" as const) : ("leads" as const) }
        : { kind: "channel" as const };
    return triageCard(concern, { ...context, placement });
  }

  private failed(what: string, error: unknown, channel: string): void {
    const code = slackErrorCode(error);
    const hint = ["not_in_channel", "channel_not_found"].includes(code)
      ? ` Invite the bot to ${channel} (/invite @localism-bot).`
      : "";
    this.logger.error(`Could not ${what}: ${code}.${hint}`);
  }
}
