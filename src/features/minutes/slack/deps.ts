import type { Logger } from "../../../logger";
import type { DigestCommands } from "../services/digest-commands";

/** What the `/digest` listener needs. */
export interface MinutesSlackDeps {
  minutes: { commands: DigestCommands };
  logger: Logger;
}
