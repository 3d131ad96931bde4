import { type Clock, systemClock } from "./clock";
import type { Config } from "./config";
import type { SharedCore } from "./core-types";
import { type ConcernsFeature, createConcerns, type GroupMembers } from "./features/concerns";
import { createMinutes, type MinutesFeature, MinutesSearchRepository } from "./features/minutes";
import { createObjectives, type ObjectivesFeature } from "./features/objectives";
import { createSettings, type SettingsFeature } from "./features/settings";
import { Logger } from "./logger";
import { openDatabase, tuneDatabase } from "./storage/database";
import { migrateDatabase } from "./storage/migrate";
import { WorkspaceRepository } from "./storage/workspaces";

export interface CoreOptions {
  clock?: Clock;
  logger?: Logger;
  /** Looks up a Slack user group's members (concern leads); absent without Slack. */
  leadGroupMembers?: GroupMembers;
}

export interface Features {
  objectives: ObjectivesFeature;
  concerns: ConcernsFeature;
  minutes: MinutesFeature;
  settings: SettingsFeature;
}

/** Everything but Slack: the database and the three features. The bot, the CLI and the sandbox build exactly this. */
export interface Core extends SharedCore {
  features: Features;
  close(): Promise<void>;
}

export async function createCore(config: Config, options: CoreOptions = {}): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? new Logger(config.logLevel, undefined, { format: config.logFormat });
  const database = await openDatabase(config.database.url);
  const migration = await migrateDatabase(config.database.url, config.database.provider, database.db);
  if (migration.applied) logger.info("Applied the database migrations");
  await tuneDatabase(database);
  const shared: SharedCore = { config, clock, logger, database, workspaces: new WorkspaceRepository(database.db) };
  const settings = createSettings(shared);
  const objectives = createObjectives(shared, {
    stored: new MinutesSearchRepository(database.db, database.provider),
    settings,
  });
  const concerns = createConcerns(shared, {
    settings,
    ...(options.leadGroupMembers ? { leadGroupMembers: options.leadGroupMembers } : {}),
  });
  const minutes = await createMinutes(shared, { objectives, concernCounts: concerns.countsByObjective, settings });
  concerns.watchMinutes((from, to) => minutes.reader.storedBetween(from, to));
  return {
    ...shared,
    features: { objectives, concerns, minutes, settings },
    close: async () => {
      await objectives.close();
      await database.close();
    },
  };
}
