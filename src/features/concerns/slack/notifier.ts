import type { Logger } from "../../../logger";
import type { SlackMessage } from "../../../slack/message";
import type { ConcernLookup, ConcernRecord, ConcernStatus, DueReminder, TriageService } from "../domain";
import { type SlackClient, slackErrorCode } from "./client";
import { triageCard } from "./views/card";
import { reminderMessage, statusChangeMessage, threadNoteMessage } from "./views/notifications";
import { reference } from "./views/text";

export interface NotifierSettings {
  triageChannel: string | null;
  /** "<!subteam^S123>" or "<@U1> <@U2>", to nudge leads in reminders. */
  leadMention: string | null;
}

/**
 * Everything the concern feature tells people in Slack outside a direct reply: the triage card
 * (posted once, then updated in place), thread notes, reminders and DMs to reporters. Failures
 * are logged with the concern's reference only (never a reporter), and never break the caller.
 */
export class ConcernNotifier {
  constructor(
    private readonly client: SlackClient,
    private readonly lookup: Pick<ConcernLookup, "cardContext" | "peopleToTell">,
    private readonly triage: Pick<TriageService, "recordCard">,
    private readonly settings: NotifierSettings,
    private readonly logger: Logger,
  ) {}

  /** Posts the card for a new concern, or updates it in place if it was posted before. */
  async showCard(concern: ConcernRecord, isNew = false): Promise<void> {
    const channel = this.settings.triageChannel;
    if (!channel) return;
    try {
      // A concern just raised has no history to show yet: no need to read it.
      const card = isNew ? triageCard(concern, { latest: null, messageCount: 0 }) : await this.card(concern);
      if (concern.triage) {
        await this.client.chat.update({ channel: concern.triage.channelId, ts: concern.triage.ts, ...card });
        return;
      }
      const posted = await this.client.chat.postMessage({ channel, ...card });
      if (posted.ts) await this.triage.recordCard(concern.id, channel, posted.ts);
    } catch (error) {
      this.failed(`post or update the triage card of ${reference(concern)}`, error, channel);
    }
  }

  async threadNote(concern: ConcernRecord, message: SlackMessage): Promise<void> {
    if (!concern.triage) return;
    try {
      await this.client.chat.postMessage({
        channel: concern.triage.channelId,
        thread_ts: concern.triage.ts,
        ...message,
      });
    } catch (error) {
      this.failed(`add to the thread of ${reference(concern)}`, error, concern.triage.channelId);
    }
  }

  /** A status change: the card updates, named and confidential reporters and supporters get a DM. */
  async statusChanged(
    concern: ConcernRecord,
    change: { from: ConcernStatus; to: ConcernStatus } | null,
    note: string | null,
  ): Promise<void> {
    await this.showCard(concern);
    if (!change) return;
    const message = statusChangeMessage(concern, change, note);
    for (const userId of await this.lookup.peopleToTell(concern))
      await this.direct(userId, message, reference(concern));
  }

  async leadReplied(concern: ConcernRecord, leadId: string, text: string): Promise<void> {
    await this.showCard(concern);
    await this.threadNote(concern, threadNoteMessage("lead_reply", concern, text, leadId));
  }

  async reporterReplied(concern: ConcernRecord, text: string): Promise<void> {
    await this.showCard(concern);
    await this.threadNote(concern, threadNoteMessage("reporter_reply", concern, text));
  }

  /** Returns false when the reminder could not be posted, so its claim can be released. */
  async remind(reminder: DueReminder): Promise<boolean> {
    const channel = reminder.concern.triage?.channelId ?? this.settings.triageChannel;
    if (!channel) return false;
    try {
      const message = reminderMessage(reminder, this.settings.leadMention);
      const card = reminder.concern.triage;
      // On the card's thread and in the channel, so it is seen and stays with the concern.
      if (card) await this.client.chat.postMessage({ channel, ...message, thread_ts: card.ts, reply_broadcast: true });
      else await this.client.chat.postMessage({ channel, ...message });
      return true;
    } catch (error) {
      this.failed(`post the reminder for ${reference(reminder.concern)}`, error, channel);
      return false;
    }
  }

  /** A DM to a person by user id (Slack opens the conversation). */
  async direct(userId: string, message: SlackMessage, about: string): Promise<boolean> {
    try {
      await this.client.chat.postMessage({ channel: userId, ...message });
      return true;
    } catch (error) {
      this.logger.warn(`Could not send a direct message about ${about}: ${slackErrorCode(error)}`);
      return false;
    }
  }

  private async card(concern: ConcernRecord): Promise<SlackMessage> {
    return triageCard(concern, await this.lookup.cardContext(concern));
  }

  private failed(what: string, error: unknown, channel: string): void {
    const code = slackErrorCode(error);
    const hint = ["not_in_channel", "channel_not_found"].includes(code)
      ? ` Invite the bot to ${channel} (/invite @localism-bot).`
      : "";
    this.logger.error(`Could not ${what}: ${code}.${hint}`);
  }
}
