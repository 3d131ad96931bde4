/**
 * A Web API refusal: answered as HTTP 200 `{ ok: false, error }` like Slack does, optionally with
 * `response_metadata.messages` ("[ERROR] ... [json-pointer:/blocks/0/text]") for argument problems.
 */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly messages: string[] = [],
  ) {
    super(messages.length > 0 ? `${code}: ${messages.join("; ")}` : code);
    this.name = "SlackApiError";
  }

  toResponse(): Record<string, unknown> {
    const body: Record<string, unknown> = { ok: false, error: this.code };
    if (this.messages.length > 0) body.response_metadata = { messages: this.messages };
    return body;
  }
}

export function refuse(code: string, ...messages: string[]): never {
  throw new SlackApiError(code, messages);
}

/** Slack's refusal of a method the token's scopes do not cover, naming the scope it needs. */
export class MissingScopeError extends SlackApiError {
  constructor(
    readonly needed: string,
    readonly provided: readonly string[],
  ) {
    super("missing_scope");
  }

  override toResponse(): Record<string, unknown> {
    return { ...super.toResponse(), needed: this.needed, provided: this.provided.join(",") };
  }
}
