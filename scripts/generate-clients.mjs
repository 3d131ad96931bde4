// Generates one Prisma client per provider (src/generated/sqlite, src/generated/postgres).
// Runs on `npm install`; the schemas come from prisma/models.prisma.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(process.execPath, [path.join(root, "scripts/sync-schemas.mjs")], { stdio: "inherit" });

// The schema reads DATABASE_URL; generation never connects, so a placeholder of the right kind is enough.
const placeholders = {
  sqlite: "file:./data/placeholder.db",
  postgres: "postgresql://placeholder@127.0.0.1/placeholder",
};
for (const [provider, url] of Object.entries(placeholders)) {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--config", `prisma/${provider}.config.ts`],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    },
  );
}
