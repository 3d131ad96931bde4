import type { DigestSubscription } from "../../../generated/sqlite/client";
import type { Db } from "../../../storage/database";
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
}

export interface SubscribeInput {
  workspaceId: string;
  channelId: string;
  schedule: DigestSchedule;
  quietNotes: boolean;
  subscriberId: string;
  /** The first digest covers minutes stored from here. */
  coveredFrom: Date;
  now: Date;
}

/** Channel subscriptions. One per channel: subscribing again changes it and lifts any pause. */
export class SubscriptionRepository {
  constructor(private readonly db: Db) {}

  async subscribe(input: SubscribeInput): Promise<{ subscription: SubscriptionRecord; created: boolean }> {
    const where = { workspaceId_channelId: { workspaceId: input.workspaceId, channelId: input.channelId } };
    const existing = await this.db.digestSubscription.findUnique({ where });
    const common = {
      schedule: scheduleJson(input.schedule),
      quietNotes: input.quietNotes,
      subscriberId: input.subscriberId,
    };
    const row = await this.db.digestSubscription.upsert({
      where,
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
    });
    return row ? toRecord(row) : null;
  }

  async get(id: number): Promise<SubscriptionRecord | null> {
    const row = await this.db.digestSubscription.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
  }

  async active(): Promise<SubscriptionRecord[]> {
    const rows = await this.db.digestSubscription.findMany({ where: { pausedAt: null }, orderBy: { id: "asc" } });
    return rows.map(toRecord);
  }

  async inWorkspace(workspaceId: string): Promise<SubscriptionRecord[]> {
    const rows = await this.db.digestSubscription.findMany({ where: { workspaceId }, orderBy: { id: "asc" } });
    return rows.map(toRecord);
  }

  async resume(id: number): Promise<void> {
    await this.db.digestSubscription.updateMany({ where: { id }, data: { pausedAt: null, pausedReason: null } });
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

export function toRecord(row: DigestSubscription): SubscriptionRecord {
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
  };
}
