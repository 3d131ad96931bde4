import { EMPTY, html, type SafeHtml } from "./html";

const LONDON = "Europe/London";
const DAY_KEY = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: LONDON,
});
const THIS_YEAR = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: LONDON,
});
const OTHER_YEAR = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: LONDON,
});

export function dateOfTs(ts: string): Date {
  return new Date(Number(ts) * 1000);
}

/** "2026-11-26" in London: which day a message belongs to. */
export function dayKey(date: Date): string {
  return DAY_KEY.format(date);
}

/** As Slack heads each day's messages: "Today", "Yesterday", "Wednesday 25 November" (with the year when not this one). */
export function dayLabel(date: Date, now: Date): string {
  const day = dayKey(date);
  if (day === dayKey(now)) return "Today";
  if (day === dayKey(new Date(now.getTime() - 86_400_000))) return "Yesterday";
  return (day.slice(0, 4) === dayKey(now).slice(0, 4) ? THIS_YEAR : OTHER_YEAR).format(date);
}

/** The divider before the first message of a day, or nothing when the day has not changed. */
export function dayDivider(ts: string, previousTs: string | undefined, now: Date): SafeHtml {
  const date = dateOfTs(ts);
  if (previousTs && dayKey(dateOfTs(previousTs)) === dayKey(date)) return EMPTY;
  return html`<div class="day-divider" role="separator"><span>${dayLabel(date, now)}</span></div>`;
}
