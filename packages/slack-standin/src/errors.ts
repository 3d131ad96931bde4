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
