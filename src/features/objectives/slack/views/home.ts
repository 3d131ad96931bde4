import { Blocks, Elements, HomeTab, Md, type ViewBlockBuilder } from "slack-block-builder";
import { escapeMrkdwn } from "../../../../slack/format";
import { ACTIONS } from "../../../../slack/ids";
import type { KnowledgeBase } from "../../domain/knowledge-base";
import { DATED_NOTE } from "./objectives";

export interface HomeView {
  type: "home";
  blocks: unknown[];
}

/** App Home: the four objectives at a glance; features add their own sections after them (concerns, digests). */
export function homeView(kb: KnowledgeBase, sections: ViewBlockBuilder[] = []): HomeView {
  const view = HomeTab().blocks(
    Blocks.Header({ text: "localism-bot" }),
    Blocks.Section({
      text: "The four strategic objectives the Secretary of State set the NHS Commissioning Board Authority on 23 April 2012. Use `/objectives` anywhere to read one or ask a question.",
    }),
    Blocks.Divider(),
    ...kb.objectives.map((objective) =>
      Blocks.Section({
        text: `${Md.bold(`${objective.number}. ${escapeMrkdwn(objective.title)}`)}${objective.overarching ? " _(first and overarching)_" : ""}\n${escapeMrkdwn(objective.summary)}`,
      }).accessory(
        Elements.Button({
          text: "Details",
          actionId: `${ACTIONS.showObjective}_${objective.number}`,
          value: String(objective.number),
        }),
      ),
    ),
    Blocks.Context().elements(DATED_NOTE),
    ...sections,
  );
  return view.buildToObject() as HomeView;
}
