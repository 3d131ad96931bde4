import { existsSync } from "node:fs";
import path from "node:path";
import type { CliCommand } from "./command";
import { UsageError } from "./duration";

/**
 * `localism backup <file>`: a consistent copy of the SQLite database while the bot runs
 * (SQLite's VACUUM INTO reads one snapshot; writers carry on). PostgreSQL has its own tools.
 */
export const backupCommand: CliCommand = {
  name: "backup",
  usage: `backup <file>                             a consistent copy of the SQLite database, taken while the bot runs
                                            (PostgreSQL: use pg_dump, see README)`,
  run: async ({ core, args, output }) => {
    const [target, ...extra] = args;
    if (!target || extra.length > 0)
      throw new UsageError("Usage: localism backup <file>, for example localism backup backups/localism-2013-01-15.db");
    if (core.database.provider !== "sqlite") {
      throw new UsageError("This database is PostgreSQL: back it up with pg_dump (README, Deploying).");
    }
    const file = path.resolve(target);
    if (existsSync(file))
      throw new UsageError(`${file} already exists; choose a new file name so no backup is overwritten.`);
    await core.database.db.$executeRawUnsafe("VACUUM INTO ?", file);
    output.out(`Backed up the database to ${file}.`);
  },
};
