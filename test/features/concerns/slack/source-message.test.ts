import { describe, expect, it } from "vitest";
import { involvementOf, readShortcutMessage } from "../../../../src/features/concerns/slack/source-message";

describe("readShortcutMessage", () => {
  it("quotes the text, and says who wrote it (a person, or a bot by name)", () => {
    expect(readShortcutMessage({ text: "Hello", user: "U0AUTHOR", ts: "1.2" })).toEqual({
      text: "Hello",
      author: "U0AUTHOR",
      ts: "1.2",
      threadTs: null,
      threadPeople: [],
    });
    expect(
      readShortcutMessage({ text: "Digest", bot_profile: { name: "Minutes bot" }, ts: "1.3", thread_ts: "1.1" }),
    ).toMatchObject({ author: "Minutes bot", threadTs: "1.1" });
  });

  it("knows whether the person logging it wrote it, or is known to be in its thread", () => {
    const parent = readShortcutMessage({ text: "Hi", user: "U0AUTHOR", ts: "1.1", reply_users: ["U0REPLIER"] });
    const reply = readShortcutMessage({
      text: "Re",
      user: "U0OTHER",
      ts: "1.4",
      thread_ts: "1.1",
      parent_user_id: "U0STARTER",
    });
    if (!parent || !reply) throw new Error("both are messages");
    expect(involvementOf(parent, "U0AUTHOR")).toBe("author");
    expect(involvementOf(parent, "U0REPLIER")).toBe("thread");
    expect(involvementOf(reply, "U0STARTER")).toBe("thread");
    expect(involvementOf(reply, "U0SOMEONE")).toBeNull();
  });

  it("falls back to blocks, attachments and files when there is no text", () => {
    const blocks = [
      {
        type: "section",
        text: { type: "mrkdwn", text: "Section text" },
        fields: [{ type: "mrkdwn", text: "A field" }],
      },
    ];
    expect(readShortcutMessage({ text: "", ts: "1", blocks })?.text).toBe("Section text\nA field");
    expect(readShortcutMessage({ ts: "1", files: [{ name: "minutes.pdf", title: "Board minutes" }] })?.text).toBe(
      "[file: Board minutes]",
    );
    expect(readShortcutMessage({ ts: "1" })?.text).toBe("(a message with no text)");
  });

  it("refuses something that is not a message", () => {
    expect(readShortcutMessage({ text: "no timestamp" })).toBeNull();
    expect(readShortcutMessage("nonsense")).toBeNull();
  });
});
