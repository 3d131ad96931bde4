#!/usr/bin/env node
// The `localism` command (npx localism ...): the command line built into dist/ by `npm install`.
const { runCli } = await import("../dist/cli.js");
process.exitCode = await runCli(process.argv.slice(2));
