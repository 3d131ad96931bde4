// Writes prisma/<provider>/schema.prisma from prisma/models.prisma: one set of models, two providers.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const models = readFileSync(path.join(root, "prisma/models.prisma"), "utf8");

for (const provider of ["sqlite", "postgresql"]) {
  const folder = provider === "sqlite" ? "sqlite" : "postgres";
  const header = `// GENERATED from prisma/models.prisma by scripts/sync-schemas.mjs: edit that file instead.
generator client {
  provider     = "prisma-client"
  output       = "../../src/generated/${folder}"
  engineType   = "client"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
  url      = env("DATABASE_URL")
}
`;
  writeFileSync(path.join(root, "prisma", folder, "schema.prisma"), `${header}\n${models}`);
}
