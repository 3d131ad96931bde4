import type { Logger } from "../../../logger";
import type { DigestCommands } from "../services/digest-commands";

/** What the `/digest` listener needs. */
export interface MinutesSlackDeps {
  minutes: { commands: DigestCommands };
  /** The workspace's default digest time ("HH:MM"), or null: a subscription must name a time. */
  defaultDigestTime(workspaceId: string): Promise<string | null>;
  logger: Logger;
}
