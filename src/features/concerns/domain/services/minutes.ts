import type { Clock } from "../../../../clock";
import { type MinutesForConcerns, type MinutesMatch, matchMinutes } from "../minutes-match";
import type { ConcernReads, MinutesLinkStore } from "../ports";
import type { ConcernRecord } from "../records";

export type MinutesNote = MinutesMatch<ConcernRecord>;

/** How far back the first reading of the minutes goes, when nothing has been read before. */
const FIRST_LOOK_BACK_MS = 7 * 24 * 60 * 60_000;

/**
 * Newly stored minutes against open concerns: each matching pair is claimed with a unique row
 * before its note is sent (so several processes send it once), and released if sending failed.
 */
export class ConcernMinutesService {
  constructor(
    private readonly reads: ConcernReads,
    private readonly links: MinutesLinkStore,
    private readonly clock: Clock,
  ) {}

  /** The notes this process should send for these minutes; pairs already noted are never returned again. */
  async claimNotes(minutes: readonly MinutesForConcerns[]): Promise<MinutesNote[]> {
    if (minutes.length === 0) return [];
    const open = await this.reads.list(null, { statuses: ["new", "acknowledged"] });
    const claimed: MinutesNote[] = [];
    const now = this.clock.now();
    for (const match of matchMinutes(open, minutes))
      if (await this.links.claim(match.concern.id, match.minutes.documentId, now)) claimed.push(match);
    return claimed;
  }

  release(note: MinutesNote): Promise<void> {
    return this.links.release(note.concern.id, note.minutes.documentId);
  }

  /** The window of stored minutes to read next: from where the last reading stopped to now. */
  async window(): Promise<{ from: Date; to: Date }> {
    const to = this.clock.now();
    const from = (await this.links.cursor()) ?? new Date(to.getTime() - FIRST_LOOK_BACK_MS);
    return { from, to };
  }

  read(until: Date): Promise<void> {
    return this.links.setCursor(until);
  }
}
