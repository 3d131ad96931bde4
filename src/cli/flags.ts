import type { CliFlags } from "./command";

/** A boolean flag's value (false when absent). */
export function booleanFlag(flags: CliFlags, name: string): boolean {
  return flags[name] === true;
}

/** A string flag's value, or undefined when absent. */
export function stringFlag(flags: CliFlags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === "string" ? value : undefined;
}
