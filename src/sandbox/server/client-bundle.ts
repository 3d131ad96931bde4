import path from "node:path";
import { build } from "esbuild";
import { fromRoot } from "../../paths";

export const PAGE_DIR = fromRoot("src/sandbox/page");

/**
 * The page's script is TypeScript (type-checked with the rest); esbuild, which tsx already
 * brings, bundles it once when the sandbox starts, so nobody runs a build step by hand.
 */
export async function buildPageScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(PAGE_DIR, "client/main.ts")],
    bundle: true,
    write: false,
    format: "esm",
    target: "es2022",
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("The sandbox page script did not build");
  return output.text;
}
