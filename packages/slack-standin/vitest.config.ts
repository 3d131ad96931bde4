import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "slack-standin",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
