/**
 * What someone wrote to the bot, as plain words: Slack sends message text as mrkdwn, with mentions
 * as <@U…>, channels as <#C…|name>, links as <url|label> and &, <, > escaped.
 */
export function questionText(slackText: string, botUserId: string | undefined): string {
  return slackText
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_whole, id: string) => (id === botUserId ? " " : ""))
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<![a-z]+(?:\^[^|>]*)?(?:\|([^>]*))?>/g, (_whole, label: string | undefined) => label ?? "")
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/<((?:https?|mailto):[^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
