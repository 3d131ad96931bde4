import { Blocks, Elements, Md, Message } from "slack-block-builder";
import { citation, escapeMrkdwn, truncate } from "../../../../slack/format";
import { ACTIONS } from "../../../../slack/ids";
import type { SlackMessage } from "../../../../slack/message";
import { toSlackMessage } from "../../../../slack/message";
import type { KnowledgeBase, Objective } from "../../domain/knowledge-base";

export const DATED_NOTE =
  "From documents of 2012-13. CCGs were replaced by integrated care boards on 1 July 2022 and the NHS Commissioning Board is now NHS England.";

const SECTION_LIMIT = 3000;

function objectiveHeading(objective: Objective): string {
  return `${objective.number}. ${objective.title}`;
}

/** `/objectives`: the four objectives, the first marked as overarching. */
export function objectivesListMessage(kb: KnowledgeBase): SlackMessage {
  const blocks = [
    Blocks.Header({ text: "The four strategic objectives (April 2012)" }),
    Blocks.Context().elements(
      "Set by the Secretary of State for Health, Andrew Lansley, in his letter of 23 April 2012 to Professor Malcolm Grant, chair of the NHS Commissioning Board Authority, for the year to April 2013.",
    ),
    ...kb.objectives.map((objective) =>
      Blocks.Section({
        text: `${Md.bold(escapeMrkdwn(objectiveHeading(objective)))}${objective.overarching ? " _(first and overarching)_" : ""}\n${escapeMrkdwn(objective.summary)}`,
      }).accessory(
        Elements.Button({
          text: "Details",
          actionId: `${ACTIONS.showObjective}_${objective.number}`,
          value: String(objective.number),
        }),
      ),
    ),
    Blocks.Context().elements(
      `Ask anything: \`/objectives will the Board let CCGs decide for themselves?\` · \`/objectives 2\` for one objective · \`/objectives help\``,
    ),
  ];
  const text = [
    "The four strategic objectives (April 2012):",
    ...kb.objectives.map(
      (objective) => `${objectiveHeading(objective)}${objective.overarching ? " (first and overarching)" : ""}`,
    ),
  ].join("\n");
  return toSlackMessage(Message({ text }).blocks(blocks));
}

/** `/objectives 3`: one objective in full, with its quotes, sources and related objectives. */
export function objectiveDetailMessage(kb: KnowledgeBase, objective: Objective): SlackMessage {
  const sourceOf = (id: string) => kb.sources.get(id);
  // The expectations are the bot's summaries of their sources: plain text, labelled, never quoted.
  const expects = objective.expects.map((item) => {
    const source = sourceOf(item.source);
    return `• ${escapeMrkdwn(item.text)}${source ? ` _(summary of ${sourceTitle(source)})_` : ""}`;
  });
  const blocks = [
    Blocks.Header({ text: truncate(`Objective ${objectiveHeading(objective)}`, 150) }),
    objective.overarching ? Blocks.Context().elements("The first and overarching objective.") : undefined,
    Blocks.Section({ text: escapeMrkdwn(objective.summary) }),
    Blocks.Section({
      text: truncate(`${Md.bold("What the Department expects")}\n${expects.join("\n")}`, SECTION_LIMIT),
    }),
    Blocks.Section({
      text: truncate(
        `${Md.bold("What it means for a CCG in practice")}\n${objective.inPractice.map((item) => `• ${escapeMrkdwn(item.text)}`).join("\n")}`,
        SECTION_LIMIT,
      ),
    }),
    Blocks.Context().elements("This part is the bot's reading of the sources, not official guidance."),
    objective.gaps
      ? Blocks.Section({
          text: truncate(`${Md.bold("What the sources don't say")}\n${escapeMrkdwn(objective.gaps)}`, SECTION_LIMIT),
        })
      : undefined,
    ...quoteBlocks(kb, objective),
    relatedBlock(kb, objective),
    Blocks.Context().elements(DATED_NOTE),
  ];
  const text = `Objective ${objectiveHeading(objective)}: ${objective.summary}`;
  return toSlackMessage(Message({ text }).blocks(blocks.filter((block) => block !== undefined)));
}

/** The source's title, linked when it has an address. */
function sourceTitle(source: { title: string; url?: string | undefined }): string {
  const title = escapeMrkdwn(source.title);
  return source.url ? `<${source.url}|${title}>` : title;
}

function quoteBlocks(kb: KnowledgeBase, objective: Objective) {
  if (objective.quotes.length === 0) return [];
  return [
    Blocks.Section({ text: Md.bold("Key quotes") }),
    ...objective.quotes.slice(0, 6).flatMap((quote) => {
      const source = kb.sources.get(quote.source);
      return [
        Blocks.Section({
          text: truncate(
            `${Md.blockquote(`“${escapeMrkdwn(quote.text)}”`)}\n— ${escapeMrkdwn(quote.speaker)}`,
            SECTION_LIMIT,
          ),
        }),
        ...(source ? [Blocks.Context().elements(`Source: ${citation(source)}`)] : []),
      ];
    }),
  ];
}

function relatedBlock(kb: KnowledgeBase, objective: Objective) {
  const related = kb.objectives.filter((other) => objective.related.includes(other.number));
  if (related.length === 0) return undefined;
  return Blocks.Actions().elements(
    related.map((other) =>
      Elements.Button({
        text: truncate(`Related: ${other.number}. ${other.title}`, 75),
        actionId: `${ACTIONS.showObjective}_${other.number}`,
        value: String(other.number),
      }),
    ),
  );
}

export function objectivesHelpMessage(): SlackMessage {
  const text = [
    "*How to use /objectives*",
    "• `/objectives`: the four objectives of April 2012",
    "• `/objectives 2` or `/objectives finance`: one objective in full",
    "• `/objectives <your question>`: an answer quoted from the sources, e.g. `/objectives will the Board let CCGs decide for themselves?`",
    "Answers are only visible to you until you press *Share in channel*.",
  ].join("\n");
  return toSlackMessage(Message({ text: "How to use /objectives" }).blocks(Blocks.Section({ text })));
}

export function plainMessage(text: string): SlackMessage {
  return toSlackMessage(Message({ text }).blocks(Blocks.Section({ text: escapeMrkdwn(text) })));
}
