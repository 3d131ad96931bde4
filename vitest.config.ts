import path from "node:path";
import { defineConfig } from "vitest/config";

/** Pure code: no database, no network, no browser; the whole project runs in seconds. */
const unit = [
  "test/features/*/domain/**/*.test.ts",
  "test/properties/**/*.test.ts",
  "test/features/*/slack/views/**/*.test.ts",
  "test/sandbox/render/**/*.test.ts",
  "test/sandbox/{manifest,page-state,seed}.test.ts",
  "test/cli/duration.test.ts",
  "test/jobs/*.test.ts",
  "test/*.test.ts",
];

export default defineConfig({
  // This checkout's own stand-in, wherever node_modules links the workspace package to.
  resolve: {
    alias: { "@localism/slack-standin": path.resolve(import.meta.dirname, "packages/slack-standin/src/index.ts") },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: unit, exclude: ["test/start.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: unit
            .filter((glob) => glob !== "test/*.test.ts")
            .concat(["test/config.test.ts", "test/logger.test.ts", "test/architecture.test.ts"]),
          globalSetup: ["test/support/global-setup.ts"],
        },
      },
      "packages/slack-standin",
    ],
  },
});
