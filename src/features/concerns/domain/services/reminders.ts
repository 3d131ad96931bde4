import type { ConcernReads, ReminderClaimStore } from "../ports";
import type { ConcernRecord } from "../records";
import { reminderDue } from "../reminders";
import { calendarDate, workingDaysBetween } from "../working-days";

export interface DueReminder {
  concern: ConcernRecord;
  /** Working days since it was raised. */
  workingDaysWaiting: number;
  /** The London day the reminder is claimed for. */
  day: string;
}

/**
 * Acknowledgement reminders: which concerns are due one now, and the claim that makes sure only
 * one process owes it each day. The claim store writes the reminder to the concern outbox with the
 * claim, and the outbox delivers it (retrying until Slack takes it).
 */
export class ReminderService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly claims: ReminderClaimStore,
    private readonly acknowledgeWithinWorkingDays: number,
    private readonly daysFor: (workspaceId: string) => Promise<number | undefined> = async () => undefined,
  ) {}

  /** Claims today's reminder for every overdue concern; returns only the ones this process won. */
  async claimDue(now: Date, holidays: ReadonlySet<string>): Promise<DueReminder[]> {
    const candidates = await this.reads.unacknowledged();
    const days = new Map<string, number>();
    for (const workspaceId of new Set(candidates.map(({ concern }) => concern.workspaceId))) {
      days.set(workspaceId, (await this.daysFor(workspaceId)) ?? this.acknowledgeWithinWorkingDays);
    }
    const due = candidates.filter(({ concern, lastReminderAt }) =>
      reminderDue(
        { createdAt: concern.createdAt, status: concern.status, lastReminderAt },
        now,
        holidays,
        days.get(concern.workspaceId) ?? this.acknowledgeWithinWorkingDays,
      ),
    );
    const day = calendarDate(now);
    const claimed: DueReminder[] = [];
    for (const { concern } of due) {
      const workingDaysWaiting = workingDaysBetween(concern.createdAt, now, holidays);
      const owed = { workspaceId: concern.workspaceId, workingDaysWaiting };
      if (await this.claims.claim(concern.id, day, now, owed)) claimed.push({ concern, day, workingDaysWaiting });
    }
    return claimed;
  }

  release(reminder: DueReminder): Promise<void> {
    return this.claims.release(reminder.concern.id, reminder.day);
  }
}
