import type { Clock } from "../../../clock";
import type { AskedQuestion, AskService } from "../domain/ask-service";
import { interpretObjectivesText } from "../domain/intent";
import type { Objective } from "../domain/knowledge-base";

/** Where a question was put to the bot outside `/objectives`. */
export type ConversationKind = "mention" | "direct_message" | "assistant";

/** A message someone wrote to the bot, with the bot's own mention and Slack's markup already removed. */
export interface ConversationMessage {
  kind: ConversationKind;
  workspaceId: string | null;
  channelId: string;
  /** The message's own ts: with the channel, it names the message, so it is answered once. */
  messageTs: string;
  userId: string;
  text: string;
}

/** Claims on messages, so that each is answered once (a repository in production). */
export interface MessageClaims {
  claim(key: string, workspaceId: string | null, at: Date): Promise<boolean>;
  release(key: string): Promise<void>;
}

/** What to say back, before it is drawn as Block Kit. */
export type ConversationReply =
  | { kind: "duplicate" }
  | { kind: "usage" }
  | { kind: "list" }
  | { kind: "help" }
  | { kind: "objective"; objective: Objective }
  | { kind: "invalid"; message: string }
  | { kind: "answer"; asked: AskedQuestion };

export interface ClaimedReply {
  reply: ConversationReply;
  /** Gives the message back (the answer could not be posted), so that a later delivery may answer it. */
  release(): Promise<void>;
}

/** "objectives 2", "/objectives help": the words people type after `/objectives`, typed to the bot instead. */
const COMMAND_WORD = /^\/?objectives\b[\s:,-]*/i;

/**
 * A question asked where people talk: in a mention, a direct message or the assistant panel. The
 * same reading as `/objectives` (a number or word picks an objective, `help`, anything else is a
 * question), the same answer and the same record; the message is claimed first, so Slack's retries
 * and duplicate deliveries get nothing.
 */
export class ConversationQuestions {
  constructor(
    private readonly deps: {
      askService: AskService;
      findObjective(text: string): Objective | undefined;
      claims: MessageClaims;
      clock: Clock;
    },
  ) {}

  /** The claim's key: the message itself (workspace, channel, ts), whichever event brought it. */
  static keyOf(message: Pick<ConversationMessage, "workspaceId" | "channelId" | "messageTs">): string {
    return `${message.workspaceId ?? "-"}:${message.channelId}:${message.messageTs}`;
  }

  /** Claims something to do once (greeting a new assistant thread), by its own key. */
  async claimOnce(key: string, workspaceId: string | null): Promise<boolean> {
    return this.deps.claims.claim(key, workspaceId, this.deps.clock.now());
  }

  async take(message: ConversationMessage): Promise<ClaimedReply> {
    const key = ConversationQuestions.keyOf(message);
    const release = () => this.deps.claims.release(key);
    if (!(await this.deps.claims.claim(key, message.workspaceId, this.deps.clock.now())))
      return { reply: { kind: "duplicate" }, release: async () => {} };
    return { reply: await this.replyTo(message), release };
  }

  private async replyTo(message: ConversationMessage): Promise<ConversationReply> {
    const text = message.text.replace(/\s+/g, " ").trim();
    const withoutCommand = text.replace(COMMAND_WORD, "");
    if (text === "") return { kind: message.kind === "mention" ? "usage" : "help" };
    const intent = interpretObjectivesText(withoutCommand, (words) => this.deps.findObjective(words) !== undefined);
    switch (intent.kind) {
      case "list":
        return { kind: "list" };
      case "help":
        return { kind: message.kind === "mention" ? "usage" : "help" };
      case "invalid":
        return { kind: "invalid", message: intent.message };
      case "objective": {
        const objective = this.deps.findObjective(intent.reference);
        return objective ? { kind: "objective", objective } : { kind: "list" };
      }
      case "question":
        return {
          kind: "answer",
          asked: await this.deps.askService.ask(intent.question, {
            surface: "slack",
            workspaceId: message.workspaceId,
            userId: message.userId,
            channelId: message.channelId,
          }),
        };
    }
  }
}
