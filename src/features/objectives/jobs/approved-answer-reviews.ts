import { tz } from "@date-fns/tz";
import { getHours } from "date-fns";
import type { Clock } from "../../../clock";
import type { ApprovedAnswer } from "../domain/approved-answers";
import type { PolicyLeads } from "../services/policy-leads";

export interface ReviewJobOptions {
  leads: PolicyLeads;
  /**
   * Whether the workspace has knowledge owners to remind: its answers are not claimed while it has
   * none, so nothing is claimed and given back every pass, and they are reminded once it has some.
   */
  hasOwners(workspaceId: string): Promise<boolean>;
  /**
   * Tells the answer's workspace's knowledge owners; false when they could not be told (the claim
   * is then given back, and taken again on a later pass).
   */
  remind(answer: ApprovedAnswer): Promise<boolean>;
  clock: Clock;
}

/** Reminders go out in office hours, London time, when someone will read them. */
const FIRST_HOUR = 9;
const LAST_HOUR = 17;

/**
 * One pass of the review reminders (the bot's job runner repeats it): every approved answer whose
 * review date has come, in a workspace with knowledge owners, is claimed (a unique row per answer
 * and review date, so several processes remind once) and brought to the knowledge owners, who
 * revise it, with a new review date, or withdraw it.
 */
export class ApprovedAnswerReviewJob {
  constructor(private readonly options: ReviewJobOptions) {}

  /** Returns how many reminders this process sent. */
  async runOnce(): Promise<number> {
    const { leads, remind, hasOwners, clock } = this.options;
    const hour = getHours(clock.now(), { in: tz("Europe/London") });
    if (hour < FIRST_HOUR || hour >= LAST_HOUR) return 0;
    let sent = 0;
    for (const due of await leads.claimDueReviews(hasOwners)) {
      if (await remind(due.answer)) sent += 1;
      else await due.release();
    }
    return sent;
  }
}
