import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const migrations = (provider: string) =>
  readdirSync(path.join(root, "prisma", provider, "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("the SQLite and PostgreSQL schemas", () => {
  it("have the same migrations, in the same order", () => {
    expect(migrations("postgres")).toEqual(migrations("sqlite"));
    expect(migrations("sqlite").length).toBeGreaterThan(0);
  });

  it("are both written from prisma/models.prisma (no hand edits)", () => {
    const before = ["sqlite", "postgres"].map((p) =>
      readFileSync(path.join(root, "prisma", p, "schema.prisma"), "utf8"),
    );
    execFileSync(process.execPath, [path.join(root, "scripts/sync-schemas.mjs")]);
    const after = ["sqlite", "postgres"].map((p) =>
      readFileSync(path.join(root, "prisma", p, "schema.prisma"), "utf8"),
    );
    expect(after).toEqual(before);
  });
});
