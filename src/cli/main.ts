import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config";
import { type Core, createCore } from "../core";
import { concernsCommands } from "../features/concerns/cli";
import { minutesCommands } from "../features/minutes/cli";
import { objectivesCommands } from "../features/objectives/cli";
import { Logger } from "../logger";
import { backupCommand } from "./backup";
import type { AnyCliCommand, CliContext, CliOption } from "./command";
import { UsageError } from "./duration";
import { type Output, processOutput } from "./output";

const COMMANDS: AnyCliCommand[] = [...objectivesCommands, ...minutesCommands, ...concernsCommands, backupCommand];

const COMMON_OPTIONS: Record<string, CliOption> = {
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
};

const OPTIONS: Record<string, CliOption> = Object.assign(
  {},
  COMMON_OPTIONS,
  ...COMMANDS.map((command) => command.options ?? {}),
);

export const USAGE = `Usage: localism <command> [options]\n\n${COMMANDS.map((command) => `  ${command.usage}`).join("\n")}`;

function standardInputLines(): AsyncIterable<string> {
  return createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
}

export async function runCli(
  argv: string[],
  output: Output = processOutput,
  env = process.env,
  input = standardInputLines,
): Promise<number> {
  let core: Core | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    const [name, ...args] = positionals;
    if (!name || values.help) {
      output.out(USAGE);
      return name || values.help ? 0 : 2;
    }
    const command = COMMANDS.find((candidate) => candidate.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}".\n\n${USAGE}`);
    const config = loadConfig(env);
    const context: CliContext = {
      config,
      core: null,
      args,
      flags: values,
      output,
      input: { [Symbol.asyncIterator]: () => input()[Symbol.asyncIterator]() },
    };
    if (command.core === false) return exitCode(await command.run(context));
    core = await createCore(config, { logger: new Logger("warn") });
    return exitCode(await command.run({ ...context, core }));
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      error instanceof ConfigError ||
      (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    output.err(usage ? (error as Error).message : `localism: ${(error as Error).message}`);
    return usage ? 2 : 1;
  } finally {
    await core?.close();
  }
}

function exitCode(returned: unknown): number {
  return typeof returned === "number" ? returned : 0;
}
