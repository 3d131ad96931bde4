import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The folder holding localism-bot's package.json: the same answer from src/ under tsx and from the
 * bundled dist/, so files shipped beside the code (knowledge, prisma, manifest) are found either way.
 */
export const projectRoot = findProjectRoot(import.meta.dirname);

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "localism-bot"
    )
      return dir;
    if (path.dirname(dir) === dir) throw new Error(`localism-bot's package.json was not found above ${start}`);
  }
}

/** A path inside the project, e.g. fromRoot("knowledge"). */
export function fromRoot(...parts: string[]): string {
  return path.join(projectRoot, ...parts);
}
