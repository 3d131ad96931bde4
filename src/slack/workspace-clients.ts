import { webApi } from "@slack/bolt";
import type { Logger } from "../logger";
import type { InstallationRepository } from "../storage/installations";
import type { WorkspaceRepository } from "../storage/workspaces";

export type WebClient = webApi.WebClient;

/** The two kinds of client jobs use: ordinary calls (retried a little), and posts that pace themselves. */
export type ClientKind = "calls" | "posting";

/**
 * "A Slack client for workspace X": what every job that calls Slack outside a request asks for.
 * With one bot token (SLACK_BOT_TOKEN) it is that token's client; in install mode it is the client
 * of the workspace's (or its organisation's) installation. Null: the app is not installed there
 * (uninstalled, or its token revoked), and the job skips that workspace's work.
 */
export interface WorkspaceClients {
  forWorkspace(workspaceId: string | null, kind?: ClientKind): Promise<WebClient | null>;
  /** Called when a workspace's installation is removed: its clients are dropped. */
  forget(workspaceId: string): void;
}

export const DEFAULT_POST_TIMEOUT_MS = 15_000;

/**
 * Job clients: bounded time. "posting" gives up on a post Slack does not answer within
 * `postTimeoutMs` and reports 429s instead of retrying, so the poster can wait them out; a post that
 * failed is retried by the outbox, a limited number of times with backoff.
 */
export function createJobClient(
  token: string,
  slackApiUrl: string,
  logger: Logger,
  kind: ClientKind,
  postTimeoutMs = DEFAULT_POST_TIMEOUT_MS,
): WebClient {
  return new webApi.WebClient(token, {
    slackApiUrl,
    logger,
    timeout: kind === "posting" ? postTimeoutMs : 30_000,
    ...(kind === "posting"
      ? { rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }
      : { retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 } }),
  });
}

/** One workspace, one token: every record is that workspace's. */
export class SingleTokenClients implements WorkspaceClients {
  private readonly clients: Record<ClientKind, WebClient>;

  constructor(token: string, slackApiUrl: string, logger: Logger, postTimeoutMs = DEFAULT_POST_TIMEOUT_MS) {
    this.clients = {
      calls: createJobClient(token, slackApiUrl, logger, "calls"),
      posting: createJobClient(token, slackApiUrl, logger, "posting", postTimeoutMs),
    };
  }

  async forWorkspace(_workspaceId: string | null, kind: ClientKind = "calls"): Promise<WebClient> {
    return this.clients[kind];
  }

  forget(): void {}
}

/** Install mode: each workspace's own bot token, from the installation store. */
export class InstalledClients implements WorkspaceClients {
  private readonly cache = new Map<string, { token: string; client: WebClient }>();

  constructor(
    private readonly deps: {
      installations: InstallationRepository;
      workspaces: WorkspaceRepository;
      slackApiUrl: string;
      logger: Logger;
      postTimeoutMs?: number;
    },
  ) {}

  async forWorkspace(workspaceId: string | null, kind: ClientKind = "calls"): Promise<WebClient | null> {
    if (!workspaceId) return null;
    const enterpriseId = workspaceId.startsWith("E")
      ? workspaceId
      : ((await this.deps.workspaces.enterpriseOf(workspaceId)) ?? undefined);
    const installation = await this.deps.installations.find({
      teamId: workspaceId.startsWith("E") ? undefined : workspaceId,
      enterpriseId,
      isEnterpriseInstall: workspaceId.startsWith("E"),
    });
    const token = installation?.bot?.token;
    if (!token) {
      this.forget(workspaceId);
      return null;
    }
    const key = `${workspaceId}:${kind}`;
    const cached = this.cache.get(key);
    if (cached && cached.token === token) return cached.client;
    const client = createJobClient(token, this.deps.slackApiUrl, this.deps.logger, kind, this.deps.postTimeoutMs);
    this.cache.set(key, { token, client });
    return client;
  }

  forget(workspaceId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${workspaceId}:`)) this.cache.delete(key);
  }
}
