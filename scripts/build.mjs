// Builds src/ into dist/ for `npm start` and `npx localism`: one bundle of our own code (the stand-in
// package included), split into chunks so the command line loads only what a command needs.
// Packages from node_modules stay outside the bundle and load as they are.
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ownWorkspacePackages = /^@localism\//;

const nodeModulesStayExternal = {
  name: "node-modules-external",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      ownWorkspacePackages.test(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

await rm(path.join(root, "dist"), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: "src/main.ts",
    cli: "src/cli/main.ts",
    // Started as a worker thread by src/features/minutes/ingest/document-reader.ts.
    "minutes-parse-worker": "src/features/minutes/ingest/parse-worker.ts",
  },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  plugins: [nodeModulesStayExternal],
  logLevel: "warning",
});
