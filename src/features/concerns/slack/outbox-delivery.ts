import { webApi } from "@slack/bolt";
import type { Clock } from "../../../clock";
import { holderIsGone } from "../../../jobs/holder";
import type { Logger } from "../../../logger";
import { ChannelPace } from "../../../slack/channel-pace";
import type { SlackMessage } from "../../../slack/message";
import type { WorkspaceClients } from "../../../slack/workspace-clients";
import type { LeaseRepository } from "../../../storage/leases";
import {
  type ConcernPostRecord,
  type ConcernRecord,
  type ConcernStatus,
  calendarDate,
  type DueReminder,
  type Handling,
  type IdentityMode,
  type RecusalReason,
  type TriageService,
} from "../domain";
import type { ConcernOutbox, OutboxRow } from "../storage/outbox";
import { slackErrorCode } from "./client";
import { type PerWorkspace, valueFor } from "./notifier";
import {
  assignedMessage,
  messageUndelivered,
  notePostFailed,
  recusalNotice,
  reminderMessage,
  threadNoteMessage,
  triageChannelUnreachable,
} from "./views/notifications";
import { submittedMessage } from "./views/submitted";
import { reference } from "./views/text";

/** What the concern outbox needs from the rest of the feature. */
export interface OutboxDeliveryDeps {
  outbox: ConcernOutbox;
  leases: LeaseRepository;
  concerns: { byIds(refs: Array<{ workspaceId: string; id: string }>): Promise<Map<string, ConcernRecord>> };
  triage: Pick<TriageService, "recordCard">;
  /** The card as it should look now, and the card shown again when it already exists (private routing). */
  cards: { newCard(concern: ConcernRecord): SlackMessage; showCard(concern: ConcernRecord): Promise<void> };
  /** The messages besides cards that the outbox renders and posts. */
  notices: OutboxNotices;
  leads: { leads(workspaceId: string): Promise<string[]> };
  isPrivate(concern: ConcernRecord): boolean;
  /** Each workspace's "posting" client: 429s answered instead of retried, a hung call given up. */
  clients: WorkspaceClients;
  triageChannel: PerWorkspace<string | null>;
  clock: Clock;
  logger: Logger;
  holder: string;
}

/**
 * A direct message owed to someone: who raised or supported a concern (never an anonymous one), or
 * a lead. `about` says what it was, for the leads when it cannot be delivered; a "notice" is itself
 * the leads being told something went wrong, and is not passed on again when it cannot be delivered.
 */
export interface OwedDm {
  userId: string;
  role: "reporter" | "supporter" | "lead";
  message: SlackMessage;
  about?: "confirmation" | "notice";
}

/** A thread a note goes under: the card in the triage channel, or a handler's card in their DMs. */
export interface NoteThread {
  channel: string;
  threadTs: string;
  /** Whose direct messages it is in; null in the triage channel. */
  userId: string | null;
}

export interface OutboxNotices {
  /** The DMs a status change owes: one per named or confidential reporter and supporter. */
  statusDms(
    concern: ConcernRecord,
    change: { from: ConcernStatus; to: ConcernStatus },
    note: string | null,
  ): Promise<OwedDm[]>;
  /** The handlers' cards in their DMs, for a concern handled privately. */
  handlerCards(concern: ConcernRecord): Promise<NoteThread[]>;
  /** Who handles the concern now (the leads who have not recused, or the deputy). */
  handling(concern: ConcernRecord): Promise<Handling>;
  /** A note posted, so it can be taken back when the card moves. */
  remember(post: ConcernPostRecord): Promise<void>;
  leadMention(workspaceId: string): Promise<string | null>;
}

type DmPayload = {
  userId: string;
  role: OwedDm["role"];
  text: string;
  blocks: unknown[] | null;
  about?: OwedDm["about"];
};

/** `notice`: a message the bot composed for the leads (minutes that discussed it, a message not delivered). */
export type NotePayload =
  | { note: "supporter"; mode: IdentityMode; userId: string | null }
  | { note: "lead_reply"; text: string; leadId: string | null }
  | { note: "reporter_reply"; text: string }
  | { note: "notice"; text: string; blocks: unknown[] | null; broadcast: boolean };

const SUPPORTER_WORDS = { named: "", confidential: "confidentially", anonymous: "anonymously" } as const;

const LEASE = "concern-outbox";
/**
 * Longer than a run takes (each call times out well within it). A process that dies holding it
 * blocks the outbox this long on other hosts; on its own host a restart takes over at once.
 */
const LEASE_MS = 2 * 60_000;
/** A claimed row is another sender's after this: longer than one call's timeout. */
const CLAIM_MS = 60_000;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 10 * 60_000;
/** The triage channel comes back when someone fixes it: look again every few minutes. */
const CHANNEL_RETRY_MS = 5 * 60_000;
/** Searched for a card posted by a sender that died before recording it. */
const HISTORY_SLACK_MS = 60_000;
export const CARD_EVENT_TYPE = "localism_concern_card";
export const DM_EVENT_TYPE = "localism_concern_dm";
/** Notes and reminders under a card (and a reminder in the channel). */
export const NOTE_EVENT_TYPE = "localism_concern_note";
/** A note waits this many tries for its card (posted first, normally in the same pass) before going to the leads by DM. */
const CARD_WAIT_ATTEMPTS = 5;
/** Slack will not take a DM to this person whatever we do: the leads are told instead. */
const PERSON_GONE = new Set([
  "user_not_found",
  "account_inactive",
  "user_disabled",
  "cannot_dm_bot",
  "channel_not_found",
  "is_archived",
  "not_installed",
  "invalid_auth",
  "token_revoked",
]);
/** The workspace's token no longer works: nothing can be posted there, nor anyone told. */
const WORKSPACE_GONE = new Set(["not_installed", "invalid_auth", "token_revoked", "not_authed"]);
/** Slack refuses this very message (not where it goes, nor the moment): trying it again cannot help. */
const MESSAGE_REFUSED = new Set([
  "msg_too_long",
  "msg_blocks_too_long",
  "invalid_blocks",
  "invalid_blocks_format",
  "too_many_attachments",
  "no_text",
  "invalid_arguments",
]);
/** Answers that say nothing about the message itself: worth trying again. */
const PASSING = new Set(["ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"]);
/** About two hours of backoff: a message Slack keeps refusing for longer is shown to the leads as not sent. */
const MAX_MESSAGE_ATTEMPTS = 16;
const CHANNEL_GONE = new Set(["channel_not_found", "is_archived", "not_in_channel"]);

/** Doubling from FIRST_RETRY_MS with each attempt already made, up to MAX_RETRY_MS. */
function backoffAfter(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts, 10));
}

type Failure = { code: string; retryAfterMs: number | null; answered: boolean };

/** Slack's answer to going faster than a channel takes; not a failure of the message. */
const RATE_LIMITED = "ratelimited";

/**
 * Delivers the concern outbox: each row is claimed by one sender (and one process holds the job's
 * lease), marked just before chat.postMessage, and marked sent with the card's ts just after. The
 * card carries the row's key in its message metadata, so a sender that finds a row marked but not
 * sent (its process died between Slack's answer and the record) looks for that card in the triage
 * channel before posting again.
 */
export class ConcernOutboxDelivery {
  private running: Promise<number> | null = null;
  private again = false;
  private readonly pace = new ChannelPace();
  /** Asks for a pass after this many ms (the outbox job's timer); nothing until the job is wired. */
  wakeAfter: (delayMs: number) => void = () => undefined;

  constructor(private readonly deps: OutboxDeliveryDeps) {}

  /** Runs a pass soon (after the one in progress, if any), without waiting for it. */
  nudge(): void {
    this.runOnce().catch((error: unknown) =>
      this.deps.logger.error(`The concern outbox could not run: ${slackErrorCode(error)}`),
    );
  }

  /** One pass over what is due (one at a time in this process); returns how many rows were settled. */
  async runOnce(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let settled = 0;
      try {
        do {
          this.again = false;
          settled += await this.pass();
          // A nudge while it looks for the next due time is taken too: it would otherwise be lost.
          if (!this.again) await this.wakeWhenNextDue();
        } while (this.again);
      } finally {
        this.running = null;
      }
      return settled;
    })();
    return this.running;
  }

  private async pass(): Promise<number> {
    const { leases, outbox, clock, holder } = this.deps;
    if (!(await this.lease())) return 0;
    try {
      const now = clock.now();
      let settled = 0;
      // Passes run one at a time here, so rows still claimed as ours were left by an earlier pass
      // that ended before settling them (its database connection cut mid-pass, say): free again.
      const gone = (other: string | null) => other === holder || holderIsGone(other, holder);
      const claimed = await outbox.claimDue(holder, now, new Date(now.getTime() + CLAIM_MS), gone);
      // One read for the batch: under load a pass settles many rows, and each read is a compiled query.
      const concerns = await this.deps.concerns.byIds(
        claimed.map((row) => ({ workspaceId: row.workspaceId, id: row.concernId })),
      );
      for (const row of claimed) {
        try {
          if (await this.deliver(row, concerns.get(row.concernId) ?? null)) settled += 1;
        } catch (error) {
          await this.deliveryThrew(row, error);
        }
      }
      return settled;
    } finally {
      await leases.release(LEASE, holder);
    }
  }

  /**
   * A row whose delivery failed outside Slack's answer to the post (a lookup it needed, say): backed
   * off and counted like any failure, so it neither holds up the rest of the batch nor comes back
   * every minute for ever. Whether it reached Slack is unknown, so a later attempt looks first.
   */
  private async deliveryThrew(row: OutboxRow, error: unknown): Promise<void> {
    const { outbox, clock, logger } = this.deps;
    const code = slackErrorCode(error);
    logger.error(`Could not deliver a concern message (${row.kind}, outbox row ${row.id}): ${code}`);
    if (row.attempts + 1 >= MAX_MESSAGE_ATTEMPTS) return outbox.failed(row.id, code, clock.now());
    await outbox.retryAt(row.id, new Date(clock.now().getTime() + backoffAfter(row.attempts)), code, false);
  }

  /** The job's lease: free, lapsed, ours, or left by a process on this host that has died. */
  private async lease(): Promise<boolean> {
    const { leases, clock, holder } = this.deps;
    if (await leases.acquire(LEASE, holder, clock.now(), LEASE_MS)) return true;
    const current = await leases.holderOf(LEASE);
    return (
      current !== null &&
      holderIsGone(current, holder) &&
      leases.takeOver(LEASE, current, holder, clock.now(), LEASE_MS)
    );
  }

  private async deliver(row: OutboxRow, concern: ConcernRecord | null): Promise<boolean> {
    // Purged: nothing may be said about it any more.
    if (row.kind === "card") return this.deliverCard(row, concern);
    // Purged since: nothing is owed about it any more.
    if (!concern) {
      await this.deps.outbox.sent(row.id, null, this.deps.clock.now());
      return true;
    }
    switch (row.kind) {
      case "status":
        return this.expandStatus(row, concern);
      case "recusal":
        return this.expandRecusal(row, concern);
      case "dm":
        return this.deliverDm(row, concern, row.payload as DmPayload);
      case "confirm":
        return this.deliverConfirmation(row, concern);
      case "assigned":
        return this.deliverAssigned(row, concern);
      case "note":
        return this.deliverNote(row, concern);
      case "reminder":
        return this.deliverReminder(row, concern);
    }
  }

  /** A status change becomes one DM row per person to tell, each delivered (and retried) on its own. */
  private async expandStatus(row: OutboxRow, concern: ConcernRecord | null): Promise<boolean> {
    const payload = row.payload as { from: ConcernStatus; to: ConcernStatus; note: string | null } | null;
    if (!concern || !payload) return this.expand(row, null, []);
    const dms = await this.deps.notices.statusDms(concern, { from: payload.from, to: payload.to }, payload.note);
    return this.expand(row, concern, dms);
  }

  /** A recusal: each person handling the concern now is told by DM (the deputy, once every lead has recused). */
  private async expandRecusal(row: OutboxRow, concern: ConcernRecord | null): Promise<boolean> {
    const payload = row.payload as { leadId: string; reason: RecusalReason } | null;
    if (!concern || !payload) return this.expand(row, null, []);
    const handling = await this.deps.notices.handling(concern);
    const notice = recusalNotice(concern, payload.leadId, payload.reason, handling.route === "deputy");
    return this.expand(
      row,
      concern,
      handling.people.map((userId) => ({ userId, role: "lead" as const, message: notice })),
    );
  }

  /**
   * A message with nowhere in a channel to go: each person handling the concern gets it by DM. With
   * `failure`, the row failed for good and is settled as failed once those DMs are stored.
   */
  private async toHandlersByDm(
    row: OutboxRow,
    concern: ConcernRecord,
    message: SlackMessage,
    failure: string | null = null,
  ): Promise<boolean> {
    const { people } = await this.deps.notices.handling(concern);
    if (people.length === 0) this.deps.logger.warn(`Nobody handles ${reference(concern)} to be told of it by DM`);
    const about = isNotice(row) ? ("notice" as const) : undefined;
    return this.expand(
      row,
      concern,
      people.map((userId) => ({ userId, role: "lead" as const, message, ...(about ? { about } : {}) })),
      failure,
    );
  }

  /**
   * One row becomes one DM row per person, each keyed by this row's key and the person, so a sender
   * that dies half-way and the one that takes over add each once; this row is then settled.
   */
  private async expand(
    row: OutboxRow,
    concern: ConcernRecord | null,
    dms: OwedDm[],
    failure: string | null = null,
  ): Promise<boolean> {
    const { outbox, clock } = this.deps;
    const now = clock.now();
    await outbox.expand(
      row.id,
      concern
        ? dms.map((dm) => ({
            workspaceId: concern.workspaceId,
            concernId: concern.id,
            kind: "dm" as const,
            key: `${row.key}:${dm.userId}`,
            payload: {
              userId: dm.userId,
              role: dm.role,
              text: dm.message.text,
              blocks: dm.message.blocks ?? null,
              ...(dm.about ? { about: dm.about } : {}),
            },
            at: now,
          }))
        : [],
      now,
      failure,
    );
    // The DMs just written are due now: deliver them in this run.
    this.again = dms.length > 0 || this.again;
    return failure === null;
  }

  /** Confirmed by DM: the confirmation where the concern was raised was not shown in its grace. */
  private async deliverConfirmation(row: OutboxRow, concern: ConcernRecord): Promise<boolean> {
    const payload = row.payload as { userId: string; as: "reporter" | "supporter" };
    const message = submittedMessage(
      payload.as === "reporter" ? { kind: "created", concern, receiptCode: null } : { kind: "supported", concern },
    );
    return this.deliverDm(row, concern, {
      userId: payload.userId,
      role: payload.as,
      text: message.text,
      blocks: message.blocks ?? null,
      about: "confirmation",
    });
  }

  /** The lead a concern was assigned to, unless it has gone to someone else since. */
  private async deliverAssigned(row: OutboxRow, concern: ConcernRecord): Promise<boolean> {
    const payload = row.payload as { assigneeId: string; by: string };
    if (concern.assigneeId !== payload.assigneeId) {
      await this.deps.outbox.sent(row.id, null, this.deps.clock.now());
      return true;
    }
    const message = assignedMessage(concern, payload.by);
    return this.deliverDm(row, concern, {
      userId: payload.assigneeId,
      role: "lead",
      text: message.text,
      blocks: message.blocks ?? null,
    });
  }

  private async deliverDm(row: OutboxRow, concern: ConcernRecord, payload: DmPayload): Promise<boolean> {
    const { outbox, clock, holder } = this.deps;
    try {
      const client = await this.client(concern.workspaceId);
      if (row.postingAt) {
        const found = await this.findDm(client, payload.userId, row, row.postingAt);
        if (found) {
          await outbox.sent(row.id, found, clock.now());
          return true;
        }
      }
      if (await this.putOffForPace(row, [payload.userId])) return false;
      if (!(await outbox.posting(row.id, holder, clock.now()))) return false;
      const posted = await this.post(client, row, {
        channel: payload.userId,
        text: payload.text,
        ...(payload.blocks ? { blocks: payload.blocks as SlackMessage["blocks"] } : {}),
        metadata: { event_type: DM_EVENT_TYPE, event_payload: { outbox: row.key } },
      });
      if (!posted.ts) throw new Error("Slack answered without a ts");
      await outbox.sent(row.id, { channelId: posted.channel ?? payload.userId, ts: posted.ts }, clock.now());
      return true;
    } catch (error) {
      await this.messageFailed(row, concern, failureOf(error), payload);
      return false;
    }
  }

  /** A note under the card; by DM to whoever handles the concern when it has no card to go under. */
  private async deliverNote(row: OutboxRow, concern: ConcernRecord): Promise<boolean> {
    const payload = row.payload as NotePayload;
    if (payload.note === "notice") return this.underCard(row, concern, noticeMessage(payload), payload.broadcast);
    const message =
      payload.note === "supporter"
        ? threadNoteMessage(
            "supporter",
            concern,
            payload.mode === "named" ? `<@${payload.userId ?? ""}>` : SUPPORTER_WORDS[payload.mode],
          )
        : payload.note === "lead_reply"
          ? threadNoteMessage("lead_reply", concern, payload.text, payload.leadId ?? undefined)
          : threadNoteMessage("reporter_reply", concern, payload.text);
    return this.underCard(row, concern, message, false);
  }

  private async deliverReminder(row: OutboxRow, concern: ConcernRecord | null): Promise<boolean> {
    const { outbox, clock } = this.deps;
    const payload = row.payload as { day: string; workingDaysWaiting: number } | null;
    // Acknowledged meanwhile, or a day late (that day's reminder is owed instead): nothing to say.
    if (!concern || !payload || concern.status !== "new" || payload.day !== calendarDate(clock.now())) {
      await outbox.sent(row.id, null, clock.now());
      return true;
    }
    const reminder: DueReminder = { concern, day: payload.day, workingDaysWaiting: payload.workingDaysWaiting };
    const mention = this.deps.isPrivate(concern) ? null : await this.deps.notices.leadMention(concern.workspaceId);
    return this.underCard(row, concern, reminderMessage(reminder, mention), true);
  }

  /**
   * Posts a note or reminder in the card's thread (also to the channel when `broadcast`), or under
   * each handler's card when the concern is handled privately. Each post carries the row's key in
   * its metadata, and a sender that finds the row marked but not sent looks in each thread before
   * posting there again. With no card to go under, or a triage channel that is gone, whoever handles
   * the concern is told by DM instead.
   */
  private async underCard(
    row: OutboxRow,
    concern: ConcernRecord,
    message: SlackMessage,
    broadcast: boolean,
  ): Promise<boolean> {
    const { outbox, clock, holder } = this.deps;
    let threads = await this.threadsOf(concern);
    if (threads.length === 0 && !this.deps.isPrivate(concern)) {
      // The card may have been posted earlier in this very pass, after the batch was read.
      const fresh = (await this.deps.concerns.byIds([{ workspaceId: concern.workspaceId, id: concern.id }])).get(
        concern.id,
      );
      if (fresh) threads = await this.threadsOf(fresh);
    }
    if (threads.length === 0) {
      const cardDue =
        !this.deps.isPrivate(concern) &&
        row.attempts < CARD_WAIT_ATTEMPTS &&
        (await valueFor(this.deps.triageChannel, concern.workspaceId)) !== null;
      if (!cardDue) return this.toHandlersByDm(row, concern, message);
      // Its card is still owed (posted first, normally in this very pass): the note follows it.
      const wait = FIRST_RETRY_MS * 2 ** row.attempts;
      await outbox.retryAt(row.id, new Date(clock.now().getTime() + wait), "no_card_yet", true);
      return false;
    }
    // A note under several handlers' cards may be refused under one after it went under another.
    const posts: Array<{ channelId: string; ts: string }> = [];
    try {
      const client = await this.client(concern.workspaceId);
      if (
        await this.putOffForPace(
          row,
          threads.map((thread) => thread.channel),
        )
      )
        return false;
      if (!(await outbox.posting(row.id, holder, clock.now()))) return false;
      for (const thread of threads) {
        const found = row.postingAt ? await this.findNote(client, thread, row, row.postingAt) : null;
        if (found) {
          posts.push({ channelId: thread.channel, ts: found });
          continue;
        }
        const args = {
          channel: thread.channel,
          thread_ts: thread.threadTs,
          ...message,
          metadata: { event_type: NOTE_EVENT_TYPE, event_payload: { outbox: row.key } },
        };
        const posted = await this.post(client, row, broadcast ? { ...args, reply_broadcast: true } : args);
        if (!posted.ts) throw new Error("Slack answered without a ts");
        const channelId = posted.channel ?? thread.channel;
        posts.push({ channelId, ts: posted.ts });
        await this.deps.notices.remember({
          concernId: concern.id,
          channelId,
          ts: posted.ts,
          kind: "note",
          userId: thread.userId,
        });
      }
      await outbox.sent(row.id, posts.length === 1 ? (posts[0] ?? null) : null, clock.now());
      return true;
    } catch (error) {
      const failure = failureOf(error);
      // The triage channel is gone (archived, deleted, the bot removed): the leads hear it by DM instead.
      if (!this.deps.isPrivate(concern) && CHANNEL_GONE.has(failure.code)) {
        this.deps.logger.warn(
          `Could not post under the card of ${reference(concern)} (${failure.code}); telling whoever handles it by DM`,
        );
        return this.toHandlersByDm(row, concern, message);
      }
      await this.messageFailed(row, concern, failure, null, posts.length > 0);
      return false;
    }
  }

  /** The threads a note goes under: the card in the triage channel, or each handler's card. */
  private async threadsOf(concern: ConcernRecord): Promise<NoteThread[]> {
    if (this.deps.isPrivate(concern)) return this.deps.notices.handlerCards(concern);
    return concern.triage ? [{ channel: concern.triage.channelId, threadTs: concern.triage.ts, userId: null }] : [];
  }

  /**
   * The note this row posted in a thread, if Slack has it. Reading a channel's thread needs
   * channels:history or groups:history, which the app is not given: without it the note is posted
   * again, which can repeat it in the one case where the post reached Slack and its answer did not
   * reach us. A thread in the bot's own DMs is read with im:history.
   */
  private async findNote(
    client: webApi.WebClient,
    thread: NoteThread,
    row: OutboxRow,
    postingAt: Date,
  ): Promise<string | null> {
    const oldest = ((postingAt.getTime() - HISTORY_SLACK_MS) / 1000).toFixed(6);
    try {
      const replies = await client.conversations.replies({
        channel: thread.channel,
        ts: thread.threadTs,
        oldest,
        include_all_metadata: true,
        limit: 200,
      });
      const mine = (replies.messages ?? []).find((message) => isMarked(message, NOTE_EVENT_TYPE, row.key));
      return mine?.ts ?? null;
    } catch (error) {
      const failure = failureOf(error);
      if (!failure.answered || CHANNEL_GONE.has(failure.code)) throw error;
      this.deps.logger.warn(
        `Could not look in a card's thread for an earlier note (${failure.code}); posting it, which may repeat it`,
      );
      return null;
    }
  }

  /**
   * The DM this row posted, if Slack has it (im:history covers the bot's own DMs). Asked only when
   * a sender marked the row and never recorded Slack's answer.
   */
  private async findDm(
    client: webApi.WebClient,
    userId: string,
    row: OutboxRow,
    postingAt: Date,
  ): Promise<{ channelId: string; ts: string } | null> {
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) return null;
    const ts = await this.markedIn(client, channel, row, postingAt, DM_EVENT_TYPE);
    return ts ? { channelId: channel, ts } : null;
  }

  private async markedIn(
    client: webApi.WebClient,
    channel: string,
    row: OutboxRow,
    postingAt: Date,
    eventType: string,
  ): Promise<string | null> {
    const oldest = ((postingAt.getTime() - HISTORY_SLACK_MS) / 1000).toFixed(6);
    const history = await client.conversations.history({ channel, oldest, include_all_metadata: true, limit: 200 });
    const mine = (history.messages ?? []).find((message) => isMarked(message, eventType, row.key));
    return mine?.ts ?? null;
  }

  /**
   * A DM, note or reminder Slack did not take: tried again with backoff (Retry-After when Slack gives
   * one), or, when it never will, settled as failed and the leads told under the concern's card (or
   * by DM). Logged with the concern's reference only: never who the message was for.
   */
  private async messageFailed(
    row: OutboxRow,
    concern: ConcernRecord,
    failure: Failure,
    dm: DmPayload | null,
    postedSome = false,
  ): Promise<void> {
    const { outbox, clock, logger } = this.deps;
    if (failure.code === RATE_LIMITED) return this.waitTurn(row, failure, !postedSome);
    const now = clock.now().getTime();
    const what = dm ? "a direct message" : row.kind === "reminder" ? "a reminder" : "a note";
    // A DM Slack refuses for the person (gone, cannot be messaged) or for itself will not go later; a
    // note only when the message itself is refused: what stops it in a channel an admin can mend.
    const permanent = dm
      ? PERSON_GONE.has(failure.code) ||
        (failure.answered && !PASSING.has(failure.code) && !failure.code.startsWith("http_"))
      : WORKSPACE_GONE.has(failure.code) || MESSAGE_REFUSED.has(failure.code);
    if (permanent || row.attempts + 1 >= MAX_MESSAGE_ATTEMPTS) {
      logger.warn(`Gave up sending ${what} about ${reference(concern)} (${failure.code})`);
      // Nobody is told where the app's token no longer works, nor of a notice to the leads that could not reach them.
      if (WORKSPACE_GONE.has(failure.code) || dm?.about === "notice") {
        await outbox.failed(row.id, failure.code, clock.now());
        return;
      }
      if (dm) {
        await this.tellLeadsUndelivered(row, concern, dm, failure.code);
        return;
      }
      // A note that never got under the card still reaches the leads, by DM: a notice as it is.
      const payload = row.payload as NotePayload | null;
      const message =
        payload?.note === "notice"
          ? noticeMessage(payload)
          : notePostFailed(concern, row.kind === "reminder" ? "A reminder" : "A note", failure.code);
      await this.toHandlersByDm(row, concern, message, failure.code);
      return;
    }
    const gone = CHANNEL_GONE.has(failure.code);
    const backoff = backoffAfter(row.attempts);
    const wait = failure.retryAfterMs ?? (gone ? CHANNEL_RETRY_MS : backoff);
    logger.warn(
      `Could not send ${what} about ${reference(concern)} (${failure.code}); trying again in ${Math.round(wait / 1000)} s`,
    );
    // Slack's refusal says this post did not happen; one that went under another thread still did.
    await outbox.retryAt(row.id, new Date(now + wait), failure.code, failure.answered && !postedSome);
  }

  /**
   * A DM that failed for good: the leads are told under the card, where every lead handling it sees
   * it (by DM when it has no card), through the outbox like any note; the DM is then settled as failed.
   */
  private async tellLeadsUndelivered(row: OutboxRow, concern: ConcernRecord, dm: DmPayload, code: string) {
    const notice = messageUndelivered(concern, dm.role, code, dm.about === "confirmation" ? "confirmation" : null);
    const payload: NotePayload = { note: "notice", text: notice.text, blocks: notice.blocks, broadcast: false };
    const now = this.deps.clock.now();
    const entry = { workspaceId: concern.workspaceId, concernId: concern.id, kind: "note" as const, at: now };
    await this.deps.outbox.expand(row.id, [{ ...entry, key: `${row.key}:undelivered`, payload }], now, code);
    this.again = true;
  }

  private async deliverCard(row: OutboxRow, concern: ConcernRecord | null): Promise<boolean> {
    const { outbox, clock } = this.deps;
    // Purged, already shown, or nowhere to show it: nothing left to send.
    if (!concern || concern.triage) {
      await outbox.sent(row.id, concern?.triage ? concern.triage : null, clock.now());
      return true;
    }
    if (this.deps.isPrivate(concern)) {
      await this.deps.cards.showCard(concern);
      await outbox.sent(row.id, null, clock.now());
      return true;
    }
    const channel = await valueFor(this.deps.triageChannel, concern.workspaceId);
    if (!channel) {
      await outbox.sent(row.id, null, clock.now());
      return true;
    }
    try {
      if (row.postingAt) {
        const found = await this.findPosted(concern.workspaceId, channel, row, row.postingAt);
        if (found) return this.recorded(row, concern, channel, found);
      }
      const client = await this.client(concern.workspaceId);
      if (await this.putOffForPace(row, [channel])) return false;
      if (!(await outbox.posting(row.id, this.deps.holder, clock.now()))) return false;
      const posted = await this.post(client, row, {
        channel,
        ...this.deps.cards.newCard(concern),
        metadata: { event_type: CARD_EVENT_TYPE, event_payload: { outbox: row.key } },
      });
      if (!posted.ts) throw new Error("Slack answered without a ts");
      return this.recorded(row, concern, posted.channel ?? channel, posted.ts);
    } catch (error) {
      await this.failed(row, concern, channel, failureOf(error));
      return false;
    }
  }

  /** A row put off to its turn, or waiting out a Retry-After, is delivered at its time, not at the job's next round. */
  private async wakeWhenNextDue(): Promise<void> {
    const now = this.deps.clock.now();
    const next = await this.deps.outbox.nextDueAfter(now);
    if (next) this.wakeAfter(Math.max(0, next.getTime() - now.getTime()));
  }

  /** True when one of the channels the row posts to must wait for its turn: the row is then due at that turn. */
  private async putOffForPace(row: OutboxRow, channels: string[]): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    const slot = Math.max(...channels.map((channel) => this.pace.slotFor(channel, `${row.key}#${channel}`, now)));
    if (slot <= now) return false;
    await this.deps.outbox.putOff(row.id, new Date(slot), this.deps.holder);
    return true;
  }

  /** chat.postMessage; a 429 holds the channel's later posts back for its Retry-After, this one first. */
  private async post(client: webApi.WebClient, row: OutboxRow, args: webApi.ChatPostMessageArguments) {
    try {
      return await client.chat.postMessage(args);
    } catch (error) {
      if (error instanceof webApi.WebAPIRateLimitedError) {
        const channel = String(args.channel);
        this.pace.refused(channel, `${row.key}#${channel}`, retryAfterMs(error), this.deps.clock.now().getTime());
      }
      throw error;
    }
  }

  /** Refused by Slack for going too fast: due again after its Retry-After (or the first backoff), no attempt counted. */
  private async waitTurn(row: OutboxRow, failure: Failure, notPosted: boolean): Promise<void> {
    const waitMs = failure.retryAfterMs ?? FIRST_RETRY_MS;
    const next = new Date(this.deps.clock.now().getTime() + waitMs);
    this.deps.logger.warn(
      `Slack asked the bot to post more slowly (${row.kind}, outbox row ${row.id}); trying again in ${Math.round(waitMs / 1000)} s`,
    );
    await this.deps.outbox.retryAt(row.id, next, failure.code, notPosted, false);
  }

  /** The workspace's client; a workspace the app is no longer installed in fails like a refused call. */
  private async client(workspaceId: string): Promise<webApi.WebClient> {
    const client = await this.deps.clients.forWorkspace(workspaceId, "posting");
    if (client) return client;
    throw Object.assign(new Error("An API error occurred: not_installed"), {
      code: "slack_webapi_platform_error",
      data: { ok: false, error: "not_installed" },
    });
  }

  private async recorded(row: OutboxRow, concern: ConcernRecord, channel: string, ts: string): Promise<boolean> {
    await this.deps.triage.recordCard(concern.id, channel, ts);
    await this.deps.outbox.sent(row.id, { channelId: channel, ts }, this.deps.clock.now());
    return true;
  }

  /**
   * The card this row posted, if Slack has it. Reading history needs the groups:history scope (or
   * channels:history); without it the card is posted again, which can duplicate it in the one case
   * where the post reached Slack and the process died before recording it.
   */
  private async findPosted(
    workspaceId: string,
    channel: string,
    row: OutboxRow,
    postingAt: Date,
  ): Promise<string | null> {
    const client = await this.client(workspaceId);
    try {
      return await this.markedIn(client, channel, row, postingAt, CARD_EVENT_TYPE);
    } catch (error) {
      const failure = failureOf(error);
      if (!failure.answered || CHANNEL_GONE.has(failure.code)) throw error;
      this.deps.logger.warn(
        `Could not look for an earlier triage card in Slack (${failure.code}); posting it, which may repeat it`,
      );
      return null;
    }
  }

  private async failed(row: OutboxRow, concern: ConcernRecord, channel: string, failure: Failure): Promise<void> {
    const { outbox, clock, logger } = this.deps;
    if (failure.code === RATE_LIMITED) return this.waitTurn(row, failure, true);
    const now = clock.now().getTime();
    const gone = CHANNEL_GONE.has(failure.code);
    const backoff = backoffAfter(row.attempts);
    const wait = failure.retryAfterMs ?? (gone ? CHANNEL_RETRY_MS : backoff);
    logger.warn(
      `Could not post the triage card of ${reference(concern)} (${failure.code}); trying again in ${Math.round(wait / 1000)} s` +
        (gone ? `. Invite the bot to ${channel} (/invite @localism-bot) or set CONCERN_TRIAGE_CHANNEL.` : ""),
    );
    // Slack answered with a refusal: the card was not posted, so the next try need not look for it.
    await outbox.retryAt(row.id, new Date(now + wait), failure.code, failure.answered);
    if (gone && !row.leadsTold) await this.tellLeads(row, concern, channel, failure.code);
  }

  /** Once per waiting concern: each lead is owed a DM (through the outbox) saying the triage channel cannot be reached. */
  private async tellLeads(row: OutboxRow, concern: ConcernRecord, channel: string, code: string): Promise<void> {
    const leads = await this.deps.leads.leads(concern.workspaceId).catch((error: unknown) => {
      // Told at the card's next try instead: leadsTold stays unset.
      this.deps.logger.warn(`Could not look up the concern leads to tell them: ${slackErrorCode(error)}`);
      return null;
    });
    if (leads === null) return;
    if (leads.length === 0) {
      this.deps.logger.warn(`No concern leads are set to be told the triage card of ${reference(concern)} is waiting`);
      return;
    }
    const message = triageChannelUnreachable(concern, channel, code);
    const now = this.deps.clock.now();
    for (const lead of leads) {
      const payload: DmPayload = { userId: lead, role: "lead", text: message.text, blocks: message.blocks };
      await this.deps.outbox.ensure({
        workspaceId: concern.workspaceId,
        concernId: concern.id,
        kind: "dm",
        key: `${row.key}:unreachable:${lead}`,
        payload: { ...payload, about: "notice" },
        at: now,
      });
    }
    await this.deps.outbox.leadsTold(row.id, now);
    this.again = true;
  }
}

function noticeMessage(payload: Extract<NotePayload, { note: "notice" }>): SlackMessage {
  return { text: payload.text, blocks: (payload.blocks ?? []) as SlackMessage["blocks"] };
}

function isNotice(row: OutboxRow): boolean {
  return (row.payload as NotePayload | null)?.note === "notice";
}

function isMarked(message: { metadata?: { event_type?: string; event_payload?: unknown } }, type: string, key: string) {
  return (
    message.metadata?.event_type === type &&
    (message.metadata.event_payload as { outbox?: unknown } | undefined)?.outbox === key
  );
}

function retryAfterMs(error: webApi.WebAPIRateLimitedError): number {
  return Math.max(1, error.retryAfter) * 1000;
}

function failureOf(error: unknown): Failure {
  if (error instanceof webApi.WebAPIRateLimitedError)
    return { code: RATE_LIMITED, retryAfterMs: retryAfterMs(error), answered: true };
  if (error instanceof webApi.WebAPIPlatformError) {
    // "rate_limited": the app has posted too many messages for now, said in the body rather than with 429.
    const code = error.data.error === "rate_limited" ? RATE_LIMITED : error.data.error;
    return { code, retryAfterMs: null, answered: true };
  }
  if (error instanceof webApi.WebAPIHTTPError)
    return { code: `http_${error.statusCode}`, retryAfterMs: null, answered: false };
  return { code: slackErrorCode(error), retryAfterMs: null, answered: false };
}
