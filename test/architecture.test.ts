import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const featuresDir = path.join(root, "src/features");
const features = readdirSync(featuresDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** Packages a feature's domain may use: plain TypeScript libraries, no Slack, no database, no network clients. */
const PURE_PACKAGES = new Set([
  "date-fns",
  "@date-fns/tz",
  "zod",
  "yaml",
  "minisearch",
  "stemmer",
  "csv-stringify",
  "linkedom",
  "@mozilla/readability",
  "unpdf",
  "feedsmith",
]);
/** Modules shared by every feature that are plain TypeScript. */
const SHARED_PURE = new Set(["src/clock.ts", "src/recent-reads.ts"]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?\sfrom\s+"([^"]+)"|import\("([^"]+)"\)/g)].map(
    (match) => (match[1] ?? match[2]) as string,
  );
}

/** Why an import is not allowed in a feature's domain, or null when it is. */
function violation(feature: string, file: string, specifier: string): string | null {
  if (specifier.startsWith("node:")) return null;
  if (!specifier.startsWith(".")) {
    const name = specifier.startsWith("@")
      ? specifier.split("/").slice(0, 2).join("/")
      : (specifier.split("/")[0] as string);
    return PURE_PACKAGES.has(name) ? null : `package ${name}`;
  }
  const target = path.relative(root, path.resolve(path.dirname(file), specifier));
  const domain = path.join("src/features", feature, "domain");
  if (target === domain || target.startsWith(`${domain}/`)) return null;
  if (SHARED_PURE.has(`${target}.ts`) || SHARED_PURE.has(target)) return null;
  return `module ${target}`;
}

describe("a feature's domain is plain TypeScript", () => {
  it("has the four features", () => {
    expect(features.sort()).toEqual(["concerns", "minutes", "objectives", "settings"]);
  });

  for (const feature of features) {
    it(`${feature}/domain imports no Slack, database, storage or other feature`, () => {
      const problems = filesUnder(path.join(featuresDir, feature, "domain")).flatMap((file) =>
        importsOf(file)
          .map((specifier) => violation(feature, file, specifier))
          .filter((problem): problem is string => problem !== null)
          .map((problem) => `${path.relative(root, file)} imports ${problem}`),
      );
      expect(problems).toEqual([]);
    });
  }

  it("catches an import that breaks the rule", () => {
    const file = path.join(featuresDir, "minutes/domain/example.ts");
    expect(violation("minutes", file, "@slack/bolt")).toBe("package @slack/bolt");
    expect(violation("minutes", file, "../storage/documents")).toBe("module src/features/minutes/storage/documents");
    expect(violation("minutes", file, "../../objectives/domain/search")).toBe(
      "module src/features/objectives/domain/search",
    );
    expect(violation("minutes", file, "../../../storage/database")).toBe("module src/storage/database");
    expect(violation("minutes", file, "./tagging")).toBeNull();
    expect(violation("minutes", file, "../../../clock")).toBeNull();
  });
});

describe("the repository stands alone", () => {
  it("no code, test, bench or script reads the folder beside the repository", () => {
    const offenders = ["src", "test", "bench", "scripts", "packages"]
      .flatMap((dir) => filesUnder(path.join(root, dir)))
      .filter((file) => !file.includes("node_modules") && file !== import.meta.filename)
      .filter((file) => /\.\.\/shared\b|["'`]\.\.\/\.\.\/\.\.\/shared/.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});
