import type { CliCommand } from "../../../cli/command";
import { booleanFlag, stringFlag } from "../../../cli/flags";
import { answersCommand } from "./answers";
import { askCommand } from "./ask";
import { objectivesCommand } from "./objectives";
import { questionsCommand } from "./questions";

export const objectivesCommands: CliCommand[] = [
  {
    name: "ask",
    usage: `ask "<question>" [--json]                 answer a question as /objectives does`,
    run: ({ core, args, flags, output }) => askCommand(core, args, { json: booleanFlag(flags, "json") }, output),
  },
  {
    name: "objectives",
    usage: "objectives [--json]                       the four objectives",
    run: async ({ core, flags, output }) => objectivesCommand(core, { json: booleanFlag(flags, "json") }, output),
  },
  {
    name: "questions",
    usage: `questions [--since 7d] [--unanswered] [--json]
                                            questions asked, or those with no confident answer
                                            or a "not helpful" vote`,
    options: { since: { type: "string" }, unanswered: { type: "boolean", default: false } },
    run: ({ core, flags, output }) => {
      const since = stringFlag(flags, "since");
      return questionsCommand(
        core,
        { ...(since ? { since } : {}), unanswered: booleanFlag(flags, "unanswered"), json: booleanFlag(flags, "json") },
        output,
      );
    },
  },
  {
    name: "answers",
    usage: `answers export|import [--file path]      approved answers to and from knowledge/approved-answers.yaml,
                                            to review them like the rest of the knowledge base`,
    options: { file: { type: "string" } },
    run: ({ core, args, flags, output }) => {
      const file = stringFlag(flags, "file");
      return answersCommand(core, args, file ? { file } : {}, output);
    },
  },
];
