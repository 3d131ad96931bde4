import { describe, expect, it } from "vitest";
import type { ApprovedAnswer, PolicyQuestion } from "../../../../../src/features/objectives/domain/approved-answers";
import {
  answeredDirectMessage,
  ownerQuestionCard,
  reviewReminder,
  withdrawnMessage,
} from "../../../../../src/features/objectives/slack/views/policy-lead";

const typed = "Does <!channel> see <@U0123ABC> & <http://evil.test|this>?";

const answer: ApprovedAnswer = {
  id: "a1",
  workspaceId: "T1",
  question: typed,
  answer: `Yes: ${typed}`,
  source: null,
  authorId: "U9",
  authorName: "Lead",
  approvedAt: new Date("2026-01-01T12:00:00Z"),
  reviewBy: "2026-06-01",
};

const request: PolicyQuestion = {
  id: "q1",
  workspaceId: "T1",
  questionId: "qq1",
  question: typed,
  askerId: "U1",
  named: true,
  channelId: null,
  askedAt: new Date("2026-01-01T12:00:00Z"),
  posts: [],
  answerId: null,
  answeredBy: null,
  answeredAt: null,
} as PolicyQuestion;

/** Every mrkdwn text in a message: its notification text and its blocks' mrkdwn. */
function mrkdwnTexts(message: { text: string; blocks: unknown[] }): string[] {
  const texts: string[] = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record.type === "mrkdwn" && typeof record.text === "string") texts.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  walk(message.blocks);
  return texts;
}

describe("questions and answers people typed, echoed back to Slack", () => {
  const messages = {
    "the owners' card": ownerQuestionCard(request, null, "2026-01-02"),
    "the asker's answer": answeredDirectMessage(request, answer, "2026-01-02"),
    "the review reminder": reviewReminder(answer, "2026-06-01"),
    "the withdrawal": withdrawnMessage(answer, "U9", new Date("2026-02-01T12:00:00Z")),
  };

  for (const [name, message] of Object.entries(messages)) {
    it(`${name} cannot ping a channel, mention someone or link`, () => {
      for (const text of mrkdwnTexts(message as { text: string; blocks: unknown[] })) {
        expect(text).not.toContain("<!channel>");
        expect(text).not.toContain("<@U0123ABC>");
        expect(text).not.toContain("<http://evil.test");
      }
    });
  }
});
