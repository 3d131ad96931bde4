import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "./clock";
import { type SlackStandinOptions, StandinContext, type TeamOptions } from "./context";
import { SlackDelivery } from "./delivery/delivery";
import type { InjectedFailure, RateLimitRule } from "./faults";
import { standinRequestHandler } from "./http/routes";
import type { CallPredicate, RecordedCall } from "./recorder";
import { SocketModeHub } from "./socket-mode";
import type { ChangeListener } from "./state/changes";
import type { ResponseUrlTarget } from "./state/response-urls";
import type { StoredEphemeral, StoredFile, StoredMessage, StoredView } from "./state/types";
import type { Workspace } from "./state/workspace";

/** A running stand-in for Slack: Web API on `apiUrl`, state to inspect, deliveries to the app. */
export class SlackStandin {
  constructor(
    readonly context: StandinContext,
    private readonly server: Server,
    /** Slack's side of Socket Mode, for an app started with an app-level token. */
    readonly socketMode: SocketModeHub,
  ) {}

  /**
   * Another workspace on the same server, for an app installed into several: its own team id,
   * people, channels and bot user. The app is not installed there until the OAuth flow runs
   * (`oauthAuthorizeUrl` then the app's redirect); its token is then the workspace's own. The
   * returned stand-in is that workspace's view (deliveries come from it, `token` is its token);
   * the call log is shared by all, and closing the first one closes the server.
   */
  addTeam(options: TeamOptions): SlackStandin {
    return new SlackStandin(this.context.addTeam(options), this.server, this.socketMode);
  }

  /** The view of a workspace added with addTeam (or the first one) by team id. */
  team(teamId: string): SlackStandin {
    const context = this.context.root.teams.get(teamId);
    if (!context) throw new Error(`No team ${teamId}: add it with addTeam`);
    return new SlackStandin(context, this.server, this.socketMode);
  }

  /** The app's OAuth settings (client id and secret, redirect URLs). */
  get oauth() {
    return this.context.oauth.config;
  }

  /** Where an install's browser is sent: Slack's authorize page, which here approves at once and redirects. */
  get authorizeUrl(): string {
    return `${this.context.baseUrl}/oauth/v2/authorize`;
  }

  /** The team this view is of. */
  get teamId(): string {
    return this.context.team.id;
  }

  /** Revokes this workspace's bot token, as uninstalling does (Slack's events are sent by a delivery). */
  revokeTokens(): string[] {
    return this.context.oauth.revoke(this.context);
  }

  /** "http://127.0.0.1:PORT" */
  get baseUrl(): string {
    return this.context.baseUrl;
  }

  /** For WebClient's `slackApiUrl`: "http://127.0.0.1:PORT/api/". */
  get apiUrl(): string {
    return `${this.context.baseUrl}/api/`;
  }

  get token(): string {
    return this.context.token;
  }

  /** The app-level token (xapp-) that apps.connections.open accepts. */
  get appToken(): string {
    return this.context.appToken;
  }

  get workspace(): Workspace {
    return this.context.workspace;
  }

  get clock(): Clock {
    return this.context.clock;
  }

  /** Goes up whenever something a person could see changes (messages, ephemerals, modals, Home tabs, channels). */
  get version(): number {
    return this.context.changes.version;
  }

  /** Calls `listener` after each visible change; returns the function that unsubscribes. */
  onChange(listener: ChangeListener): () => void {
    return this.context.changes.subscribe(listener);
  }

  get calls(): readonly RecordedCall[] {
    return this.context.recorder.calls;
  }

  callsTo(method: string): RecordedCall[] {
    return this.context.recorder.callsTo(method);
  }

  waitForCall(method: string, predicate?: CallPredicate, timeoutMs?: number): Promise<RecordedCall> {
    return this.context.recorder.waitForCall(method, predicate, timeoutMs);
  }

  messagesIn(channel: string): StoredMessage[] {
    return this.context.messages.inChannel(this.workspace.channel(channel)?.id ?? channel);
  }

  threadReplies(channel: string, threadTs: string): StoredMessage[] {
    return this.context.messages.threadReplies(this.workspace.channel(channel)?.id ?? channel, threadTs);
  }

  ephemeralsFor(user: string): StoredEphemeral[] {
    return this.context.messages.ephemeralsFor(user);
  }

  /** The user's open modals, root first. */
  openViewsFor(user: string): StoredView[] {
    return this.context.views.openStack(user);
  }

  homeViewOf(user: string): StoredView | undefined {
    return this.context.views.homeOf(user);
  }

  file(id: string): StoredFile | undefined {
    return this.context.files.find(id);
  }

  failNext(method: string, failure: InjectedFailure): void {
    this.context.faults.failNext(method, failure);
  }

  /** How many calls to `method` the failures queued with failNext are still waiting for: 0 once it was called. */
  pendingFailures(method: string): number {
    return this.context.faults.pending(method);
  }

  rateLimit(method: string, rule: RateLimitRule): void {
    this.context.faults.rateLimit(method, rule);
  }

  clearFaults(): void {
    this.context.faults.clear();
  }

  /** A trigger_id as if the user had just interacted (for calling views.open directly). */
  issueTriggerId(user: string): string {
    return this.context.triggers.issue(user);
  }

  issueResponseUrl(target: ResponseUrlTarget): string {
    return this.context.responseUrl(this.context.responseUrls.issue(target));
  }

  /** Slack's side of the app's Request URL; `options.subscriptions` are the app's bot events. */
  delivery(
    requestUrl: string,
    signingSecret: string,
    clock?: Clock,
    options: { subscriptions?: readonly string[] } = {},
  ): SlackDelivery {
    return new SlackDelivery({ requestUrl, signingSecret, standin: this, clock, ...options });
  }

  close(): Promise<void> {
    if (this.context.root !== this.context) return Promise.resolve();
    this.socketMode.close();
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}

/** Starts the stand-in on 127.0.0.1 (a random free port unless `port` is given). */
export async function startSlackStandin(options: SlackStandinOptions = {}): Promise<SlackStandin> {
  const context = new StandinContext(options);
  const server = createServer(standinRequestHandler(context));
  const socketMode = new SocketModeHub(context);
  server.on("upgrade", (request, socket, head) => socketMode.handleUpgrade(request, socket, head));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  context.baseUrl = `http://${host}:${port}`;
  return new SlackStandin(context, server, socketMode);
}
