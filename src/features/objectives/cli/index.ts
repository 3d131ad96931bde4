import type { AnyCliCommand } from "../../../cli/command";
import { booleanFlag, stringFlag } from "../../../cli/flags";
import { answersCommand } from "./answers";
import { askCommand } from "./ask";
import { evalCommand } from "./eval";
import { objectivesCommand } from "./objectives";
import { questionsCommand } from "./questions";

export const objectivesCommands: AnyCliCommand[] = [
  {
    name: "ask",
    usage: `ask "<question>" [--json]                 answer a question as /objectives does
  ask --json -                              questions from standard input, one a line; one JSON line each`,
    run: ({ core, args, flags, output, input }) =>
      askCommand(core, args, { json: booleanFlag(flags, "json") }, output, input),
  },
  {
    name: "eval",
    usage: `eval <questions.yaml> [--json]            score the answers to labelled questions, with plain BM25
                                            over the same passages as the baseline`,
    core: false,
    run: ({ config, args, flags, output }) => evalCommand(config, args, { json: booleanFlag(flags, "json") }, output),
  },
  {
    name: "objectives",
    usage: "objectives [--json]                       the four objectives",
    run: async ({ core, flags, output }) => objectivesCommand(core, { json: booleanFlag(flags, "json") }, output),
  },
  {
    name: "questions",
    usage: `questions [--since 7d] [--unanswered] [--workspace T…] [--json]
                                            questions asked, or those with no confident answer
                                            or a "not helpful" vote`,
    options: {
      since: { type: "string" },
      unanswered: { type: "boolean", default: false },
      workspace: { type: "string" },
    },
    run: ({ core, flags, output }) => {
      const since = stringFlag(flags, "since");
      const workspace = stringFlag(flags, "workspace");
      return questionsCommand(
        core,
        {
          ...(since ? { since } : {}),
          ...(workspace ? { workspace } : {}),
          unanswered: booleanFlag(flags, "unanswered"),
          json: booleanFlag(flags, "json"),
        },
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
