import type { ConcernMinutesService, MinutesForConcerns, MinutesNote } from "../domain";

/** Stored minutes in [from, to): the minutes feature's reader, narrowed to what concerns need. */
export type StoredMinutesBetween = (from: Date, to: Date) => Promise<readonly MinutesForConcerns[]>;

export interface ConcernMinutesJobOptions {
  minutes: ConcernMinutesService;
  notifier: { minutesNote(note: MinutesNote): Promise<boolean> };
  /** Where newly stored minutes are read from; null until the minutes feature is wired in. */
  storedBetween: () => StoredMinutesBetween | null;
}

/**
 * Concerns meet the minutes: each pass reads the minutes stored since the last one and sends the
 * leads one note per open concern and minutes document whose autonomy-flagged items are on the
 * concern's objective. Claims make it safe with several processes; a note that could not be posted
 * is released, so the next pass tries again.
 */
export class ConcernMinutesJob {
  constructor(private readonly options: ConcernMinutesJobOptions) {}

  /** One pass; returns how many notes this process sent. */
  async runOnce(): Promise<number> {
    const read = this.options.storedBetween();
    if (!read) return 0;
    const { from, to } = await this.options.minutes.window();
    const sent = await this.deliver(await read(from, to));
    await this.options.minutes.read(to);
    return sent;
  }

  /** Notes for minutes just stored (also what a push from the minutes feature would call). */
  async deliver(minutes: readonly MinutesForConcerns[]): Promise<number> {
    let sent = 0;
    for (const note of await this.options.minutes.claimNotes(minutes)) {
      if (await this.options.notifier.minutesNote(note)) sent += 1;
      else await this.options.minutes.release(note);
    }
    return sent;
  }
}
