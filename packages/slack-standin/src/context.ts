import { type BlockKitLimits, defaultBlockKitLimits } from "./blocks/validate";
import { type Clock, systemClock } from "./clock";
import { FaultInjector } from "./faults";
import { IdFactory } from "./ids";
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
}

export const DEFAULT_TOKEN = "xoxb-test-token";
export const DEFAULT_APP_TOKEN = "xapp-1-test-token";

const defaultTeam: TeamInfo = { id: "T0LOCAL", name: "Localism (local)", domain: "localism-local" };
const defaultApp: AppIdentity = { appId: "A0LOCAL", botId: "B0LOCAL", botUserId: "U0LOCALBOT", botName: "localism" };

/** Everything the stand-in knows and remembers; shared by the HTTP side and the delivery side. */
export class StandinContext {
  readonly token: string;
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
  readonly recorder = new CallRecorder();
  /** Goes up whenever something a person could see changes. */
  readonly changes = new ChangeFeed();
  readonly faults: FaultInjector;
  readonly assistantThreads: AssistantThreadStore;
  /** "http://127.0.0.1:PORT", known once the server listens. */
  baseUrl = "http://127.0.0.1";

  constructor(options: SlackStandinOptions = {}) {
    this.token = options.token ?? DEFAULT_TOKEN;
    this.appToken = options.appToken ?? DEFAULT_APP_TOKEN;
    this.clock = options.clock ?? systemClock;
    this.verificationToken = options.verificationToken ?? "local-verification-token";
    this.limits = { ...defaultBlockKitLimits, ...options.limits };
    this.ids = new IdFactory(this.clock);
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
    this.assistantThreads = new AssistantThreadStore(this.changes);
    this.seed(options.seed);
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
