/** The bot scopes an install asks for: the same as manifest.yml's oauth_config (a test keeps them in step). */
export const BOT_SCOPES = [
  "commands",
  "app_mentions:read",
  "im:history",
  "assistant:write",
  "chat:write",
  "im:write",
  "channels:read",
  "groups:read",
  "usergroups:read",
  "users:read",
  "files:write",
] as const;
