import { Blocks, Message } from "slack-block-builder";
import { escapeMrkdwn, truncate } from "../../../../slack/format";
import { type SlackMessage, toSlackMessage } from "../../../../slack/message";
import { describeSchedule } from "../../domain/schedule";
import type { DigestCommandReply } from "../../services/digest-commands";
import type { DigestStatus, PostNowResult } from "../../services/digest-service";
import type { SubscriptionRecord } from "../../storage/subscriptions";
import { describeFilter, formatRunTime, formatUkTime, plural } from "./digest-format";
import { sourceAddedMessage, sourceRemovedMessage, sourcesListMessage } from "./digest-sources";

export const DIGEST_HELP = [
  "*Minutes digests* post a summary of newly published accountability minutes in this channel.",
  "• `/digest subscribe weekly monday 09:00` (or `daily 08:30`, `monthly 1 09:00`; add a time zone such as `Europe/London`, and `quiet` for a short note in weeks with no new minutes). Leave out the time, as in `/digest subscribe weekly monday`, for this workspace's default digest time, if its admins have set one",
  "• Narrow it: `/digest subscribe weekly monday 09:00 objectives 1,3` for some objectives only, or add `autonomy` for only what touches CCG autonomy",
  "• `/digest status`: the schedule, the next and last digest, and what the next one would contain",
  "• `/digest preview`: the next digest as it stands, only to you",
  "• `/digest now`: post it now; it counts as this period's digest",
  "• `/digest unsubscribe` · `/digest resume` (after a pause)",
  "• `/digest sources` · `/digest source add <url>` · `/digest source remove <id>` (workspace admins)",
  "• `/digest source mute <id>` · `/digest source unmute <id>`: leave a source out of this channel's digest, or bring it back",
].join("\n");

const INVITE =
  "Add me with `/invite @localism-bot` in this channel (for a private channel, a member must invite me), then run the command again.";

/** The reply to a `/digest` command, shown only to the person who typed it. */
export function digestReplyMessage(reply: DigestCommandReply): SlackMessage {
  switch (reply.kind) {
    case "help":
      return plain(DIGEST_HELP);
    case "invalid":
      return plain(reply.message);
    case "not-member":
      return plain(
        reply.channelStatus === "archived"
          ? "This channel is archived, so I can't post digests in it."
          : `I'm not a member of this channel, so I can't post digests here. ${INVITE}`,
      );
    case "admins-only":
      return plain(
        "Only workspace admins can add or remove minutes sources. `/digest sources` shows them to everyone.",
      );
    case "subscribed":
      return plain(subscribedText(reply.subscription, reply.created, reply.nextRun));
    case "unsubscribed":
      return plain(
        reply.existed
          ? "Done: this channel won't get minutes digests any more."
          : "This channel has no minutes digest to stop.",
      );
    case "resumed":
      return plain(
        reply.subscription
          ? "Resumed: digests will be posted here again; anything missed comes in the next one."
          : "This channel has no minutes digest. Start one with `/digest subscribe weekly monday 09:00`.",
      );
    case "status":
      return reply.status
        ? statusMessage(reply.status)
        : plain("This channel has no minutes digest. Start one with `/digest subscribe weekly monday 09:00`.");
    case "preview":
      return previewMessage(reply);
    case "now":
      return plain(postNowText(reply.result));
    case "sources":
      return sourcesListMessage(reply.sources, reply.muted);
    case "source-added":
      return sourceAddedMessage(reply.result);
    case "source-removed":
      return sourceRemovedMessage(reply.id, reply.source);
    case "source-muted":
      return plain(sourceMutedText(reply));
  }
}

function sourceMutedText(reply: Extract<DigestCommandReply, { kind: "source-muted" }>): string {
  switch (reply.outcome) {
    case "not-subscribed":
      return "This channel has no minutes digest, so there is nothing to mute. Start one with `/digest subscribe weekly monday 09:00`.";
    case "no-source":
      return `There is no source ${reply.id}. \`/digest sources\` lists them with their numbers.`;
    case "muted":
      return `Muted source *${reply.id}* in this channel: its minutes stay out of this channel's digests (other channels still get them). \`/digest source unmute ${reply.id}\` brings it back.`;
    case "already-muted":
      return `Source *${reply.id}* is already muted in this channel. \`/digest source unmute ${reply.id}\` brings it back.`;
    case "unmuted":
      return `Unmuted source *${reply.id}*: its new minutes go into this channel's digests again.`;
    case "not-muted":
      return `Source *${reply.id}* isn't muted in this channel.`;
  }
}

function subscribedText(subscription: SubscriptionRecord, created: boolean, nextRun: Date): string {
  const quiet = subscription.quietNotes
    ? "In a period with no new minutes I'll post a short note."
    : "In a period with no new minutes I'll post nothing (add `quiet` to get a short note instead).";
  const lead = created ? "Subscribed" : "Updated";
  const narrowed = describeFilter(subscription.filter);
  const only = narrowed ? ` It shows only ${narrowed}.` : "";
  return `${lead}: this channel gets a minutes digest ${describeSchedule(subscription.schedule)}.${only} The next one is on ${formatRunTime(nextRun, subscription.schedule.timeZone)}. ${quiet}`;
}

/** "Shows only items on objectives 1 and 3. Muted here: sources 2, 5 (...)." */
function narrowingLine(subscription: SubscriptionRecord): string | null {
  const narrowed = describeFilter(subscription.filter);
  const muted = subscription.mutedSources;
  const parts = [
    narrowed ? `Shows only ${narrowed}.` : "",
    muted.length > 0
      ? `Muted here: source${muted.length > 1 ? "s" : ""} ${muted.join(", ")} (\`/digest source unmute <id>\`).`
      : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : null;
}

function statusMessage(status: DigestStatus): SlackMessage {
  const { subscription } = status;
  const zone = subscription.schedule.timeZone;
  const lines = [
    `*Minutes digest* ${describeSchedule(subscription.schedule)}, set up by <@${subscription.subscriberId}>.`,
  ];
  const narrowing = narrowingLine(subscription);
  if (narrowing) lines.push(narrowing);
  if (subscription.pausedAt)
    lines.push(
      `:double_vertical_bar: *Paused* since ${formatUkTime(subscription.pausedAt)} because Slack refused a post (\`${escapeMrkdwn(subscription.pausedReason ?? "unknown")}\`). Fix that, then type \`/digest resume\`.`,
    );
  else if (status.catchUpDue) lines.push("Next: a catch-up digest of everything missed is going out now.");
  else if (status.nextRun) lines.push(`Next: ${formatRunTime(status.nextRun, zone)}.`);
  const last = status.lastDigest;
  lines.push(
    last ? `Last: ${formatUkTime(last.claimedAt)}, ${lastDigestText(last.status, last.documents)}.` : "Last: none yet.",
  );
  const titles = status.waiting
    .slice(0, 5)
    .map((minutes) => `• ${escapeMrkdwn(minutes.title)}${minutes.updated ? " _(updated)_" : ""}`);
  const more = status.waiting.length > 5 ? [`• …and ${status.waiting.length - 5} more`] : [];
  lines.push(
    status.waiting.length > 0
      ? `The next digest would contain ${plural(status.waiting.length, "document")}:\n${[...titles, ...more].join("\n")}`
      : "No new minutes have arrived since the last digest.",
  );
  return plain(lines.join("\n"));
}

function lastDigestText(status: string, documents: number): string {
  if (status === "quiet") return "a quiet period (nothing posted)";
  if (status === "failed")
    return "not delivered (Slack refused it; what it held comes in the next digest after a pause is lifted)";
  if (status === "posting") return `${plural(documents, "document")}, being posted`;
  return plural(documents, "document");
}

function previewMessage(reply: Extract<DigestCommandReply, { kind: "preview" }>): SlackMessage {
  if (!reply.subscribed)
    return plain(
      "This channel has no minutes digest to preview. Start one with `/digest subscribe weekly monday 09:00`.",
    );
  const updates =
    reply.updates > 0
      ? ` ${plural(reply.updates, "document")} shown before has changed and would get an "updated" reply under its digest.`
      : "";
  const first = reply.parts[0];
  if (!first) return plain(`Nothing new since the last digest, so nothing would be posted.${updates}`);
  const note = reply.parts.length > 1 ? ` It continues in ${plural(reply.parts.length - 1, "threaded reply")}.` : "";
  const blocks = [
    ...first.message.blocks,
    ...[
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: truncate(`_Preview, only you can see this; nothing has been posted.${note}${updates}_`, 3_000),
          },
        ],
      },
    ],
  ];
  return { text: `Preview: ${first.message.text}`, blocks: blocks as SlackMessage["blocks"] };
}

function postNowText(result: PostNowResult): string {
  switch (result.outcome) {
    case "queued":
      return `Posting the digest now (${plural(result.documents, "new document")}${result.updates > 0 ? `, ${plural(result.updates, "updated document")} as threaded replies` : ""}). It counts as this period's digest.`;
    case "empty":
      return `Nothing new since ${formatUkTime(result.since)}, so there is nothing to post. The next scheduled digest is still due.`;
    case "already":
      return `This period's digest was already posted (${formatUkTime(result.claim.claimedAt)}). The next one follows the schedule.`;
    case "not-subscribed":
      return "This channel has no minutes digest. Start one with `/digest subscribe weekly monday 09:00`.";
  }
}

function plain(text: string): SlackMessage {
  return toSlackMessage(
    Message({ text: truncate(text, 3_000) }).blocks(Blocks.Section({ text: truncate(text, 3_000) })),
  );
}
