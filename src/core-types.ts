import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Logger } from "./logger";
import type { Database } from "./storage/database";
import type { WorkspaceRepository } from "./storage/workspaces";

/** What every feature is built from: settings, time, logging and the database. */
export interface SharedCore {
  config: Config;
  clock: Clock;
  logger: Logger;
  database: Database;
  workspaces: WorkspaceRepository;
}
