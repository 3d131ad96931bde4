import { z } from "zod";
import type { Db } from "../../../storage/database";
import { isUniqueViolation } from "../../../storage/db-errors";
import type { PolicyQuestion, PolicyQuestionStore } from "../domain/approved-answers";

const posts = z.array(z.object({ channel: z.string(), ts: z.string() }));

type Row = Omit<PolicyQuestion, "posts"> & { posts: string };

/** Questions sent to the knowledge owners: one request per question (the unique key on questionId). */
export class PolicyQuestionRepository implements PolicyQuestionStore {
  constructor(private readonly db: Db) {}

  async create(
    question: Omit<PolicyQuestion, "posts" | "answerId" | "answeredBy" | "answeredAt">,
  ): Promise<PolicyQuestion | null> {
    try {
      return toQuestion(await this.db.policyQuestion.create({ data: { ...question, posts: "[]" } }));
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async find(id: string): Promise<PolicyQuestion | null> {
    const row = await this.db.policyQuestion.findUnique({ where: { id } });
    return row ? toQuestion(row) : null;
  }

  async forQuestion(questionId: string): Promise<PolicyQuestion | null> {
    const row = await this.db.policyQuestion.findUnique({ where: { questionId } });
    return row ? toQuestion(row) : null;
  }

  async setPosts(id: string, where: PolicyQuestion["posts"]): Promise<void> {
    await this.db.policyQuestion.update({ where: { id }, data: { posts: JSON.stringify(where) } });
  }

  async remove(id: string): Promise<void> {
    await this.db.policyQuestion.deleteMany({ where: { id } });
  }

  async answered(id: string, answerId: string, by: string, at: Date): Promise<void> {
    await this.db.policyQuestion.update({ where: { id }, data: { answerId, answeredBy: by, answeredAt: at } });
  }
}

function toQuestion(row: Row): PolicyQuestion {
  const parsed = posts.safeParse(JSON.parse(row.posts || "[]"));
  return { ...row, posts: parsed.success ? parsed.data : [] };
}
