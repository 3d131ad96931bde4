import { Blocks, Md } from "slack-block-builder";
import { escapeMrkdwn, formatSourceDate, truncate } from "../../../../slack/format";
import { describeSchedule, nextRun } from "../../domain/schedule";
import type { DigestHomeSummary } from "../../index";
import { describeFilter, formatRunTime, plural } from "./digest-format";

const MAX_CHANNELS = 10;

/** The App Home's digests section: which channels get digests, when, and the latest minutes read. */
export function digestHomeBlocks(summary: DigestHomeSummary, now: Date) {
  const channels = summary.subscriptions.slice(0, MAX_CHANNELS).map((subscription) => {
    const state = subscription.pausedAt
      ? "paused (`/digest resume` in the channel)"
      : `next ${formatRunTime(nextRun(subscription.schedule, now), subscription.schedule.timeZone)}`;
    const narrowed = describeFilter(subscription.filter);
    const muted = subscription.mutedSources.length;
    const extras = [narrowed ? `only ${narrowed}` : null, muted > 0 ? `${plural(muted, "source")} muted` : null].filter(
      Boolean,
    );
    return `• <#${subscription.channelId}>: ${describeSchedule(subscription.schedule)}${extras.length > 0 ? ` (${extras.join(", ")})` : ""}, ${state}`;
  });
  const more =
    summary.subscriptions.length > MAX_CHANNELS ? [`• …and ${summary.subscriptions.length - MAX_CHANNELS} more`] : [];
  const channelText =
    channels.length > 0
      ? [...channels, ...more].join("\n")
      : "No channel gets digests yet. In a channel, type `/digest subscribe weekly monday 09:00`.";
  const recent = summary.recent.map((minutes) => {
    const title = escapeMrkdwn(minutes.title);
    const linked = /^https?:/.test(minutes.url) ? `<${minutes.url}|${title}>` : title;
    return `• ${linked}${minutes.meetingDate ? `, ${formatSourceDate(minutes.meetingDate)}` : ""}`;
  });
  return [
    Blocks.Divider(),
    Blocks.Section({ text: truncate(`${Md.bold("Minutes digests")}\n${channelText}`, 3_000) }),
    ...(recent.length > 0
      ? [Blocks.Section({ text: truncate(`${Md.bold("Latest minutes read")}\n${recent.join("\n")}`, 3_000) })]
      : []),
  ];
}
