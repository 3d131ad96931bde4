import type { DigestSubscription } from "../../../generated/sqlite/client";
import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";
import { ALL_ITEMS, type DigestFilter } from "../domain/compose";
import { type DigestSchedule, parseStoredSchedule } from "../domain/schedule";

export interface SubscriptionRecord {
  id: number;
  workspaceId: string;
  channelId: string;
  schedule: DigestSchedule;
  quietNotes: boolean;
  subscriberId: string;
  createdAt: Date;
  lastRunAt: Date;
  coveredUntil: Date;
  pausedAt: Date | null;
  pausedReason: string | null;
  /** The objectives and/or autonomy the channel narrowed its digest to. */
  filter: DigestFilter;
  /** Sources whose documents this channel's digest leaves out. */
  mutedSources: number[];
}

export type MuteOutcome = "muted" | "already-muted" | "unmuted" | "not-muted" | "no-source";

export interface SubscribeInput {
  workspaceId: string;
  channelId: string;
  schedule: DigestSchedule;
  quietNotes: boolean;
  /** Narrowed to some objectives or to autonomy; all items when not given. */
  filter?: DigestFilter;
  subscriberId: string;
  /** The first digest covers minutes stored from here. */
  coveredFrom: Date;
  now: Date;
}

const withMutes = { mutes: { select: { sourceId: true }, orderBy: { sourceId: "asc" as const } } };
type SubscriptionRow = DigestSubscription & { mutes: { sourceId: number }[] };

/**
 * Channel subscriptions. One per channel: subscribing again changes its schedule and narrowing and
 * lifts any pause; the sources it muted stay muted.
 */
export class SubscriptionRepository {
  constructor(private readonly db: Db) {}

  async subscribe(input: SubscribeInput): Promise<{ subscription: SubscriptionRecord; created: boolean }> {
    const where = { workspaceId_channelId: { workspaceId: input.workspaceId, channelId: input.channelId } };
    const existing = await this.db.digestSubscription.findUnique({ where });
    const common = {
      schedule: scheduleJson(input.schedule),
      quietNotes: input.quietNotes,
      objectives: (input.filter ?? ALL_ITEMS).objectives.join(","),
      autonomyOnly: (input.filter ?? ALL_ITEMS).autonomyOnly,
      subscriberId: input.subscriberId,
    };
    const row = await this.db.digestSubscription.upsert({
      where,
      include: withMutes,
      create: {
        workspaceId: input.workspaceId,
        channelId: input.channelId,
        ...common,
        createdAt: input.now,
        lastRunAt: input.now,
        coveredUntil: input.coveredFrom,
      },
      // A new schedule starts counting from now; what was not yet covered stays to be covered.
      update: {
        ...common,
        pausedAt: null,
        pausedReason: null,
        ...(sameSchedule(existing, input.schedule) ? {} : { lastRunAt: input.now }),
      },
    });
    return { subscription: toRecord(row), created: existing === null };
  }

  async unsubscribe(workspaceId: string, channelId: string): Promise<boolean> {
    const removed = await this.db.digestSubscription.deleteMany({ where: { workspaceId, channelId } });
    return removed.count > 0;
  }

  async find(workspaceId: string, channelId: string): Promise<SubscriptionRecord | null> {
    const row = await this.db.digestSubscription.findUnique({
      where: { workspaceId_channelId: { workspaceId, channelId } },
      include: withMutes,
    });
    return row ? toRecord(row) : null;
  }

  async get(id: number): Promise<SubscriptionRecord | null> {
    const row = await this.db.digestSubscription.findUnique({ where: { id }, include: withMutes });
    return row ? toRecord(row) : null;
  }

  async active(): Promise<SubscriptionRecord[]> {
    const rows = await this.db.digestSubscription.findMany({
      where: { pausedAt: null },
      orderBy: { id: "asc" },
      include: withMutes,
    });
    return rows.map(toRecord);
  }

  async inWorkspace(workspaceId: string): Promise<SubscriptionRecord[]> {
    const rows = await this.db.digestSubscription.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
      include: withMutes,
    });
    return rows.map(toRecord);
  }

  async resume(id: number): Promise<void> {
    await this.db.digestSubscription.updateMany({ where: { id }, data: { pausedAt: null, pausedReason: null } });
  }

  /** Leaves a source's documents out of this subscription's digests (the source stays for everyone else). */
  async mute(subscriptionId: number, sourceId: number, mutedBy: string, now: Date): Promise<MuteOutcome> {
    if (!(await this.db.minutesSource.findUnique({ where: { id: sourceId }, select: { id: true } })))
      return "no-source";
    try {
      await this.db.digestSourceMute.create({ data: { subscriptionId, sourceId, mutedBy, mutedAt: now } });
      return "muted";
    } catch (error) {
      if (isUniqueViolation(error)) return "already-muted";
      // The source was removed in between: the foreign key refuses the row.
      if (!(await this.db.minutesSource.findUnique({ where: { id: sourceId }, select: { id: true } })))
        return "no-source";
      throw error;
    }
  }

  async unmute(subscriptionId: number, sourceId: number): Promise<MuteOutcome> {
    const removed = await this.db.digestSourceMute.deleteMany({ where: { subscriptionId, sourceId } });
    if (removed.count > 0) return "unmuted";
    const exists = await this.db.minutesSource.findUnique({ where: { id: sourceId }, select: { id: true } });
    return exists ? "not-muted" : "no-source";
  }

  /** Another process posted this run (or /digest now covered it): never count it again. */
  async advanceLastRun(id: number, runAt: Date): Promise<void> {
    await this.db.digestSubscription.updateMany({
      where: { id, lastRunAt: { lt: runAt } },
      data: { lastRunAt: runAt },
    });
  }
}

function sameSchedule(existing: DigestSubscription | null, schedule: DigestSchedule): boolean {
  return existing !== null && existing.schedule === scheduleJson(schedule);
}

/** The same schedule always gives the same text, whatever order its fields were built in. */
function scheduleJson(schedule: DigestSchedule): string {
  const { frequency, weekday, dayOfMonth, time, timeZone } = schedule;
  return JSON.stringify({ frequency, weekday, dayOfMonth, time, timeZone });
}

export function toRecord(row: SubscriptionRow): SubscriptionRecord {
  const schedule = parseStoredSchedule(JSON.parse(row.schedule));
  if (!schedule) throw new Error(`Digest subscription ${row.id} has an unreadable schedule`);
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    channelId: row.channelId,
    schedule,
    quietNotes: row.quietNotes,
    subscriberId: row.subscriberId,
    createdAt: row.createdAt,
    lastRunAt: row.lastRunAt,
    coveredUntil: row.coveredUntil,
    pausedAt: row.pausedAt,
    pausedReason: row.pausedReason,
    filter: {
      objectives: row.objectives
        .split(",")
        .map(Number)
        .filter((number) => Number.isInteger(number) && number >= 1 && number <= 4),
      autonomyOnly: row.autonomyOnly,
    },
    mutedSources: row.mutes.map((mute) => mute.sourceId),
  };
}
