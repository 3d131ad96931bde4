import { type BlockKitLimits, defaultBlockKitLimits } from "./blocks/validate";
import { type Clock, systemClock } from "./clock";
import { FaultInjector } from "./faults";
import { IdFactory } from "./ids";
import { type OAuthAppConfig, OAuthServer } from "./oauth";
import { CallRecorder } from "./recorder";
import { AssistantThreadStore } from "./state/assistant-threads";
import { ChangeFeed } from "./state/changes";
import { FileStore } from "./state/files";
import { MessageStore } from "./state/messages";
import { type ResponseUrlLimits, ResponseUrlStore } from "./state/response-urls";
import { TriggerStore } from "./state/triggers";
import type { AppIdentity, TeamInfo } from "./state/types";
import { ViewStore } from "./state/views";
import { type ChannelSeed, type UsergroupSeed, type UserSeed, Workspace } from "./state/workspace";

export interface SlackStandinOptions {
  /** The bot token the stand-in accepts (default "xoxb-test-token"). */
  token?: string;
  /** The app-level token apps.connections.open accepts, for Socket Mode (default "xapp-1-test-token"). */
  appToken?: string;
  /** Drives trigger expiry, response_url lifetime, rate limits and message timestamps. */
  clock?: Clock;
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  team?: Partial<TeamInfo>;
  app?: Partial<AppIdentity>;
  /** The deprecated verification `token` Slack still puts in payloads. */
  verificationToken?: string;
  /** How long a trigger_id stays usable (Slack: 3 s). */
  triggerLifetimeMs?: number;
  responseUrl?: Partial<ResponseUrlLimits>;
  limits?: Partial<BlockKitLimits>;
  seed?: { users?: UserSeed[]; channels?: ChannelSeed[]; usergroups?: UsergroupSeed[] };
  /** The app's OAuth settings as its Slack configuration holds them (client id and secret, redirect URLs). */
  oauth?: Partial<OAuthAppConfig>;
  /**
   * The bot scopes the app was granted (its manifest's): reading a conversation's history then needs
   * the scope Slack asks for. Unset: every scope.
   */
  botScopes?: readonly string[];
}

/** Another workspace the app can be installed into (`standin.addTeam`): its own people, channels and token. */
export interface TeamOptions {
  team: Partial<TeamInfo> & { id: string };
  app?: Partial<AppIdentity>;
  seed?: SlackStandinOptions["seed"];
}

export const DEFAULT_TOKEN = "xoxb-test-token";
export const DEFAULT_APP_TOKEN = "xapp-1-test-token";

const defaultTeam: TeamInfo = { id: "T0LOCAL", name: "Localism (local)", domain: "localism-local" };
const defaultApp: AppIdentity = { appId: "A0LOCAL", botId: "B0LOCAL", botUserId: "U0LOCALBOT", botName: "localism" };

/** Everything the stand-in knows and remembers; shared by the HTTP side and the delivery side. */
export class StandinContext {
  /** The bot token this workspace accepts; empty until the app is installed (teams added with addTeam). */
  token: string;
  readonly appToken: string;
  readonly clock: Clock;
  readonly verificationToken: string;
  readonly limits: BlockKitLimits;
  readonly ids: IdFactory;
  readonly messages: MessageStore;
  readonly workspace: Workspace;
  readonly views: ViewStore;
  readonly files: FileStore;
  readonly triggers: TriggerStore;
  readonly responseUrls: ResponseUrlStore;
  readonly recorder: CallRecorder;
  /** Goes up whenever something a person could see changes. */
  readonly changes: ChangeFeed;
  /** The stand-in's first workspace, which holds what all workspaces share (ids, calls, OAuth). */
  readonly root: StandinContext;
  /** Every workspace by team id (the root's list; the first workspace included). */
  readonly teams = new Map<string, StandinContext>();
  /** Tokens Slack no longer accepts (the app was uninstalled, or the token revoked). */
  readonly revokedTokens = new Set<string>();
  readonly oauth: OAuthServer;
  readonly faults: FaultInjector;
  readonly assistantThreads: AssistantThreadStore;
  /** The bot's scopes, or null for every scope (shared by every workspace). */
  readonly botScopes: readonly string[] | null;
  private ownBaseUrl = "http://127.0.0.1";

  constructor(options: SlackStandinOptions = {}, root?: StandinContext) {
    this.root = root ?? this;
    this.token = root ? "" : (options.token ?? DEFAULT_TOKEN);
    this.appToken = root ? root.appToken : (options.appToken ?? DEFAULT_APP_TOKEN);
    this.clock = root ? root.clock : (options.clock ?? systemClock);
    this.verificationToken = root ? root.verificationToken : (options.verificationToken ?? "local-verification-token");
    this.limits = { ...(root?.limits ?? defaultBlockKitLimits), ...options.limits };
    // Ids, the call log and the change feed are shared, so ids never collide across workspaces.
    this.ids = root ? root.ids : new IdFactory(this.clock);
    this.recorder = root ? root.recorder : new CallRecorder();
    this.changes = root ? root.changes : new ChangeFeed();
    this.oauth = root ? root.oauth : new OAuthServer(this, options.oauth);
    this.messages = new MessageStore(this.ids, this.changes);
    this.workspace = new Workspace(
      { ...defaultTeam, ...options.team },
      { ...defaultApp, ...options.app },
      this.messages,
      this.ids,
      this.clock,
      this.changes,
    );
    this.views = new ViewStore(this.ids, this.changes);
    this.files = new FileStore(this.ids, this.clock);
    this.triggers = new TriggerStore(this.ids, this.clock, options.triggerLifetimeMs ?? 3_000);
    this.responseUrls = new ResponseUrlStore(this.ids, this.clock, {
      maxUses: options.responseUrl?.maxUses ?? 5,
      lifetimeMs: options.responseUrl?.lifetimeMs ?? 30 * 60_000,
    });
    this.faults = new FaultInjector(this.clock);
    this.botScopes = root ? root.botScopes : (options.botScopes ?? null);
    this.assistantThreads = new AssistantThreadStore(this.changes);
    this.seed(options.seed);
    this.root.teams.set(this.team.id, this);
  }

  /** "http://127.0.0.1:PORT", known once the server listens. */
  get baseUrl(): string {
    return this.root === this ? this.ownBaseUrl : this.root.baseUrl;
  }

  set baseUrl(url: string) {
    this.ownBaseUrl = url;
  }

  /** Adds a workspace the app is not installed in yet; the OAuth flow installs it. */
  addTeam(options: TeamOptions): StandinContext {
    if (this.root.teams.has(options.team.id)) throw new Error(`Team ${options.team.id} already exists`);
    const root = this.root;
    const app: AppIdentity = {
      appId: root.app.appId,
      botId: root.ids.next("B"),
      botUserId: root.ids.next("U"),
      botName: root.app.botName,
      ...options.app,
    };
    const team: TeamInfo = { name: options.team.id, domain: options.team.id.toLowerCase(), ...options.team };
    return new StandinContext({ team, app, ...(options.seed ? { seed: options.seed } : {}) }, root);
  }

  /** The workspace whose bot token this is (revoked tokens included); undefined for an unknown token. */
  workspaceOfToken(token: string | undefined): StandinContext | undefined {
    if (!token) return undefined;
    for (const team of this.root.teams.values()) if (team.token === token) return team;
    return undefined;
  }

  get team(): TeamInfo {
    return this.workspace.team;
  }

  get app(): AppIdentity {
    return this.workspace.app;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/response/${id}`;
  }

  private seed(seed: SlackStandinOptions["seed"]): void {
    for (const user of seed?.users ?? []) this.workspace.addUser(user);
    for (const channel of seed?.channels ?? []) this.workspace.addChannel(channel);
    for (const group of seed?.usergroups ?? []) this.workspace.addUsergroup(group);
  }
}
