// The baseline for bench/startup.ts: the TypeScript sources run through tsx, as the command line
// and `npm start` ran before the build to dist/.  node bench/tsx-entry.mjs cli|bot [args...]
import { register } from "tsx/esm/api";

register();
const [target, ...args] = process.argv.slice(2);
if (target === "cli") {
  const { runCli } = await import("../src/cli/main.ts");
  process.exitCode = await runCli(args);
} else {
  await import("../src/main.ts");
}
