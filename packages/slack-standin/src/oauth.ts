import type { StandinContext } from "./context";
import { refuse } from "./errors";

/** The app's OAuth settings, as its configuration at api.slack.com holds them. */
export interface OAuthAppConfig {
  clientId: string;
  clientSecret: string;
  /** Redirect URLs the app allows; an authorize request's redirect_uri must be one of them. */
  redirectUrls: string[];
}

export const DEFAULT_CLIENT_ID = "1000000001.2000000002";
export const DEFAULT_CLIENT_SECRET = "0123456789abcdef0123456789abcdef";

interface Grant {
  teamId: string;
  userId: string;
  scopes: string[];
  redirectUri: string | undefined;
  expiresAt: number;
}

/** What GET /oauth/v2/authorize answers: a redirect back to the app, or an error page. */
export type AuthorizeAnswer = { status: 302; location: string } | { status: 400; error: string };

/** A code is good for 10 minutes and for one exchange, as Slack's are. */
const CODE_LIFETIME_MS = 10 * 60_000;

/**
 * Slack's side of OAuth v2 for one app: the authorize page (which, where Slack asks a person to
 * pick a workspace and approve, approves at once for the workspace named by `team`), the code
 * exchange `oauth.v2.access` issuing a bot token per workspace, and revocation on uninstall.
 */
export class OAuthServer {
  readonly config: OAuthAppConfig;
  private readonly grants = new Map<string, Grant>();
  private issued = 0;

  constructor(
    private readonly root: StandinContext,
    config: Partial<OAuthAppConfig> = {},
  ) {
    this.config = {
      clientId: config.clientId ?? DEFAULT_CLIENT_ID,
      clientSecret: config.clientSecret ?? DEFAULT_CLIENT_SECRET,
      redirectUrls: config.redirectUrls ?? [],
    };
  }

  /**
   * GET /oauth/v2/authorize?client_id&scope&state[&redirect_uri][&team][&user]: approved at once.
   * `team` (Slack's own parameter) picks the workspace, default the first; `user` (the stand-in's:
   * who is signed in to the browser) is the installer, default the workspace's first person.
   */
  authorize(query: URLSearchParams): AuthorizeAnswer {
    if (query.get("client_id") !== this.config.clientId) return { status: 400, error: "invalid_client_id" };
    const given = query.get("redirect_uri") ?? undefined;
    const redirect = given ?? this.config.redirectUrls[0];
    if (!redirect) return { status: 400, error: "no_redirect_uri" };
    if (given && this.config.redirectUrls.length > 0 && !this.config.redirectUrls.includes(given)) {
      return { status: 400, error: "bad_redirect_uri" };
    }
    const team = this.root.teams.get(query.get("team") ?? this.root.team.id);
    if (!team) return { status: 400, error: "invalid_team" };
    const userId =
      query.get("user") ?? team.workspace.allUsers().find((user) => !user.is_bot)?.id ?? team.app.botUserId;
    const code = `${this.root.ids.secret(12)}.${this.root.ids.secret(12)}`;
    this.grants.set(code, {
      teamId: team.team.id,
      userId,
      scopes: (query.get("scope") ?? "").split(",").filter(Boolean),
      redirectUri: given,
      expiresAt: this.root.clock.now().getTime() + CODE_LIFETIME_MS,
    });
    const location = new URL(redirect);
    location.searchParams.set("code", code);
    const state = query.get("state");
    if (state !== null) location.searchParams.set("state", state);
    return { status: 302, location: location.toString() };
  }

  /** oauth.v2.access: the code for the workspace's bot token (a new one unless it already has a live one). */
  access(params: Record<string, unknown>) {
    if (params.client_id !== this.config.clientId) refuse("invalid_client_id");
    if (params.client_secret !== this.config.clientSecret) refuse("bad_client_secret");
    const code = typeof params.code === "string" ? params.code : "";
    const grant = this.grants.get(code);
    this.grants.delete(code);
    if (!grant || grant.expiresAt < this.root.clock.now().getTime()) refuse("invalid_code");
    if (grant.redirectUri !== undefined && params.redirect_uri !== grant.redirectUri) refuse("bad_redirect_uri");
    const team = this.root.teams.get(grant.teamId);
    if (!team) refuse("invalid_code");
    if (!team.token || this.root.revokedTokens.has(team.token)) team.token = this.issueToken(team);
    return {
      access_token: team.token,
      token_type: "bot",
      scope: grant.scopes.join(","),
      bot_user_id: team.app.botUserId,
      app_id: team.app.appId,
      team: { id: team.team.id, name: team.team.name },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: grant.userId },
    };
  }

  /** The app leaves the workspace: its bot token stops working (Slack then sends the events). */
  revoke(team: StandinContext): string[] {
    if (!team.token || this.root.revokedTokens.has(team.token)) return [];
    this.root.revokedTokens.add(team.token);
    return [team.token];
  }

  private issueToken(team: StandinContext): string {
    this.issued += 1;
    return `xoxb-${team.team.id}-${this.issued}-${this.root.ids.secret(16)}`;
  }
}
