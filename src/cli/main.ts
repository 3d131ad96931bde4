import { parseArgs } from "node:util";
import { createCore, type Core } from "../core";
import { ConfigError, loadConfig } from "../config";
import { Logger } from "../logger";
import { askCommand } from "../features/objectives/cli/ask";
import { ingestCommand, minutesCommand } from "../features/minutes/cli/minutes";
import { auditCommand } from "../features/concerns/cli/audit";
import { bankHolidaysCommand } from "../features/concerns/cli/bank-holidays";
import { concernsCommand } from "../features/concerns/cli/concerns";
import { objectivesCommand } from "../features/objectives/cli/objectives";
import { purgeCommand } from "../features/concerns/cli/purge";
import { questionsCommand } from "../features/objectives/cli/questions";
import { sourcesCommand } from "../features/minutes/cli/sources";
import { UsageError } from "./duration";
import { processOutput, type Output } from "./output";

const USAGE = `Usage: localism <command> [options]

  ask "<question>" [--json]                 answer a question as /objectives does
  objectives [--json]                       the four objectives
  questions [--since 7d] [--unanswered] [--json]
                                            questions asked, or those with no confident answer
                                            or a "not helpful" vote
  sources [list|add <url>|remove <id>] [--json]
                                            where published minutes are watched
  ingest <url-or-file> [--json]             read one minutes document now (HTML, PDF or text)
  minutes [--json]                          the stored minutes documents with their tagged items
  concerns export [--since 30d] [--workspace T…] > concerns.csv
                                            concerns raised in the period, as CSV
  audit verify [--head SEQ:HASH]            check the concerns' tamper-evident audit trail
  purge [--dry-run]                         remove concerns resolved before the retention period
  bank-holidays refresh <file-or-url>       update the England and Wales bank holidays
                                            (https://www.gov.uk/bank-holidays.json or a saved copy)`;

const OPTIONS = {
  json: { type: "boolean", default: false },
  since: { type: "string" },
  unanswered: { type: "boolean", default: false },
  workspace: { type: "string" },
  head: { type: "string" },
  "dry-run": { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

export async function runCli(argv: string[], output: Output = processOutput, env = process.env): Promise<number> {
  let core: Core | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    const [command, ...rest] = positionals;
    if (!command || values.help) {
      output.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    const config = loadConfig(env);
    if (command === "bank-holidays") {
      await bankHolidaysCommand(config, rest, output);
      return 0;
    }
    core = await createCore(config, { logger: new Logger("warn") });
    switch (command) {
      case "ask":
        await askCommand(core, rest, values, output);
        return 0;
      case "objectives":
        objectivesCommand(core, values, output);
        return 0;
      case "questions":
        await questionsCommand(core, values, output);
        return 0;
      case "sources":
        await sourcesCommand(core, rest, values, output);
        return 0;
      case "ingest":
        await ingestCommand(core, rest, values, output);
        return 0;
      case "minutes":
        await minutesCommand(core, values, output);
        return 0;
      case "concerns":
        await concernsCommand(core, rest, values, output);
        return 0;
      case "audit":
        return await auditCommand(core, rest, values, output);
      case "purge":
        await purgeCommand(core, values, output);
        return 0;
      default:
        throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    output.err(usage ? (error as Error).message : `localism: ${(error as Error).message}`);
    return usage ? 2 : 1;
  } finally {
    await core?.close();
  }
}
