import { afterEach, describe, expect, it } from "vitest";
import type { SlackStandin } from "../src/index";
import { seededStandin, slackError } from "./helpers";

let standin: SlackStandin;
afterEach(() => standin?.close());

const csv = "meeting,objective\n2012-06-25,1\n";

describe("files upload v2", () => {
  it("stores the bytes sent by client.files.uploadV2 and shares the file in the channel", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const answer = await seeded.client.files.uploadV2({
      channel_id: seeded.general.id,
      file: Buffer.from(csv),
      filename: "concerns.csv",
      title: "Autonomy concerns",
      initial_comment: "This week's concerns",
    });
    expect(answer.ok).toBe(true);
    const [getUrl] = standin.callsTo("files.getUploadURLExternal");
    expect(getUrl?.params).toMatchObject({ filename: "concerns.csv", length: String(Buffer.byteLength(csv)) });
    const fileId = String(getUrl?.response.file_id);
    expect(getUrl?.response.upload_url).toBe(`${standin.baseUrl}/upload/${fileId}`);
    expect(standin.file(fileId)).toMatchObject({
      title: "Autonomy concerns",
      completed: true,
      channels: [seeded.general.id],
    });
    expect(standin.file(fileId)?.bytes?.toString("utf8")).toBe(csv);
    expect(standin.messagesIn(seeded.general.id)).toMatchObject([{ text: "This week's concerns", files: [fileId] }]);
  });

  it("shares into a thread and serves the file back at url_private with the bot token", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const question = standin.workspace.postAsUser(seeded.general.id, seeded.alice.id, "Export please");
    await seeded.client.files.uploadV2({
      channel_id: seeded.general.id,
      thread_ts: question.ts,
      content: csv,
      filename: "export.csv",
    });
    const [reply] = standin.threadReplies(seeded.general.id, question.ts);
    const fileId = reply?.files?.[0] ?? "";
    const complete = standin.callsTo("files.completeUploadExternal")[0]?.response as {
      files: { url_private: string }[];
    };
    const download = await fetch(complete.files[0]?.url_private ?? "", {
      headers: { authorization: `Bearer ${standin.token}` },
    });
    expect(fileId).toMatch(/^F/);
    expect(await download.text()).toBe(csv);
  });

  it("refuses to complete a file whose bytes never arrived, and sharing where the bot is not", async () => {
    const seeded = await seededStandin();
    standin = seeded.standin;
    const reserved = await seeded.client.files.getUploadURLExternal({ filename: "a.txt", length: 3 });
    const fileId = String(reserved.file_id);
    expect(await slackError(seeded.client.files.completeUploadExternal({ files: [{ id: fileId }] }))).toBe(
      "file_not_found",
    );
    await fetch(String(reserved.upload_url), { method: "POST", body: "abc" });
    const notJoined = standin.workspace.addChannel({ name: "finance", botIsMember: false });
    const refused = seeded.client.files.completeUploadExternal({ files: [{ id: fileId }], channel_id: notJoined.id });
    expect(await slackError(refused)).toBe("not_in_channel");
  });
});
