/**
 * Checks every verbatim quotation in the knowledge base against the source texts it was taken from,
 * and when all are found records them in knowledge/quotations.lock.yaml (which the unit tests check).
 * The source texts are not part of the repository: pass the folders that hold them.
 *
 *   npx tsx scripts/verify-quotations.ts --sources <folder> [--sources <folder> ...] [--knowledge <dir>]
 *   e.g., with the seed articles and the source digests in a folder beside the repository,
 *   npx tsx scripts/verify-quotations.ts --sources <that folder>/seeds --sources <that folder>/sources
 *
 * Every file directly inside each folder is read. A quotation passes when its words appear in them,
 * typography aside (curly quotes, dashes, spacing), an editorial "[word]" standing for up to two words.
 * Exits 1, leaving the lock as it was, when any quotation is not found; 2 on a usage error.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadKnowledgeBase } from "../src/features/objectives/domain/knowledge-base";
import { isQuotedFrom, LOCK_FILE, quotationsIn, readOriginals, VERIFY_COMMAND, writeLock } from "./quotations";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(args: string[]): { sources: string[]; knowledge: string } {
  const sources: string[] = [];
  let knowledge = path.join(root, "knowledge");
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if ((flag === "--sources" || flag === "--knowledge") && value && !value.startsWith("--")) {
      if (flag === "--sources") sources.push(path.resolve(value));
      else knowledge = path.resolve(value);
      i++;
    } else {
      throw new UsageError(
        `Unexpected argument ${flag}${flag?.startsWith("--") ? " (it needs a folder after it)" : ""}.`,
      );
    }
  }
  if (sources.length === 0) throw new UsageError("Give at least one folder of source texts with --sources.");
  return { sources, knowledge };
}

class UsageError extends Error {}

function main(): number {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\nUsage: ${VERIFY_COMMAND} [--knowledge <dir>]`);
    return 2;
  }
  let originals: ReturnType<typeof readOriginals>;
  try {
    originals = readOriginals(options.sources);
  } catch (error) {
    console.error(`Cannot read the source texts: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (originals.files === 0) {
    console.error(`No source texts in ${options.sources.join(", ")}.`);
    return 2;
  }

  const quotations = quotationsIn(loadKnowledgeBase(options.knowledge));
  const missing = quotations.filter((quotation) => !isQuotedFrom(originals.text, quotation.text));
  if (missing.length > 0) {
    for (const quotation of missing)
      console.error(`NOT FOUND  ${quotation.where} (source ${quotation.source}): ${quotation.text}`);
    console.error(
      `\n${missing.length} of ${quotations.length} quotations are not the sources' own words; ${LOCK_FILE} was not changed.`,
    );
    return 1;
  }
  writeLock(options.knowledge, quotations);
  console.log(
    `All ${quotations.length} quotations found in ${originals.files} source files; wrote ${path.relative(process.cwd(), path.join(options.knowledge, LOCK_FILE))}.`,
  );
  return 0;
}

process.exitCode = main();
