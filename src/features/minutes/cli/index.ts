import type { CliCommand } from "../../../cli/command";
import { booleanFlag, stringFlag } from "../../../cli/flags";
import { ingestCommand, minutesCommand } from "./minutes";
import { sourcesCommand } from "./sources";

export const minutesCommands: CliCommand[] = [
  {
    name: "sources",
    usage: `sources [list|add <url>|remove <id>] [--json]
                                            where published minutes are watched`,
    run: ({ core, args, flags, output }) => sourcesCommand(core, args, { json: booleanFlag(flags, "json") }, output),
  },
  {
    name: "ingest",
    usage: `ingest <url-or-file> [--json]             read one minutes document or feed now
                                            (HTML, PDF or text; each minutes entry of an Atom or RSS feed)`,
    run: ({ core, args, flags, output }) => ingestCommand(core, args, { json: booleanFlag(flags, "json") }, output),
  },
  {
    name: "minutes",
    usage: "minutes [--json]                          the stored minutes documents with their tagged items",
    run: ({ core, flags, output }) => minutesCommand(core, { json: booleanFlag(flags, "json") }, output),
  },
  {
    name: "eval-minutes",
    usage: `eval-minutes <folder> [--split tuning|test] [--json]
                                            score extraction against the labelled documents in a folder`,
    options: { split: { type: "string" } },
    run: async ({ core, args, flags, output }) => {
      const split = stringFlag(flags, "split");
      // Loaded on use: the scorer and the corpus reader are not needed by any other command.
      const { evalMinutesCommand } = await import("./eval-minutes");
      return evalMinutesCommand(core, args, { json: booleanFlag(flags, "json"), ...(split ? { split } : {}) }, output);
    },
  },
];
