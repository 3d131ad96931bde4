import { sub } from "date-fns";

const UNITS = { h: "hours", d: "days", w: "weeks", m: "months" } as const;

/** "7d", "24h", "2w", "3m" -> the moment that long before `now`. */
export function parseSince(text: string, now: Date): Date {
  const match = /^(\d+)\s*([hdwm])$/i.exec(text.trim());
  if (!match) throw new UsageError(`--since takes a duration like 24h, 7d, 2w or 3m (got "${text}")`);
  const unit = UNITS[(match[2] ?? "d").toLowerCase() as keyof typeof UNITS];
  return sub(now, { [unit]: Number(match[1]) });
}

export class UsageError extends Error {
  override name = "UsageError";
}
