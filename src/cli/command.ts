import type { Config } from "../config";
import type { Core } from "../core";
import type { Output } from "./output";

/** An option of the `localism` command line, as node:util's parseArgs takes it. */
export type CliOption =
  | { type: "boolean"; short?: string; default?: boolean }
  | { type: "string"; short?: string; default?: string };

/** The parsed flags: every option any command declares (a command reads its own). */
export type CliFlags = Record<string, string | boolean | undefined>;

export interface CliContext {
  config: Config;
  /** The core (database and features); null for commands that declare `core: false`. */
  core: Core | null;
  args: string[];
  flags: CliFlags;
  output: Output;
  /** Standard input, line by line (for `localism ask --json -`). */
  input: AsyncIterable<string>;
}

/** One `localism` command: a feature owns its commands and hands them to the command line. */
export interface CliCommand {
  name: string;
  /** Its lines in `localism --help`. */
  usage: string;
  options?: Record<string, CliOption>;
  /** Commands that need no database say `core: false` (see CoreFreeCliCommand). */
  core?: true;
  /** Resolves to the exit code, or to nothing for 0. */
  run(context: CliContext & { core: Core }): Promise<unknown>;
}

/** A command that needs no core: its context's core is null. */
export interface CoreFreeCliCommand extends Omit<CliCommand, "run" | "core"> {
  core: false;
  run(context: CliContext): Promise<unknown>;
}

export type AnyCliCommand = CliCommand | CoreFreeCliCommand;
