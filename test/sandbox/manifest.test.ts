import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../src/sandbox/manifest";

describe("reading the app manifest", () => {
  it("offers the manifest's slash commands and shortcuts, so new ones appear in the sandbox by themselves", () => {
    const manifest = loadManifest();
    expect(manifest.name).toBe("localism-bot");
    expect(manifest.commands.map((c) => c.command)).toEqual(
      expect.arrayContaining(["/objectives", "/concerns", "/digest"]),
    );
    expect(manifest.commands.find((c) => c.command === "/digest")?.usageHint).toContain("now");
    expect(manifest.shortcuts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Log autonomy concern", type: "message", callbackId: "log_autonomy_concern" }),
        expect.objectContaining({ type: "global", callbackId: "log_autonomy_concern_global" }),
      ]),
    );
    expect(manifest).toMatchObject({ homeTab: true, messagesTab: true, messagesReadOnly: false });
    expect(manifest.botEvents).toEqual(expect.arrayContaining(["app_mention", "message.im"]));
  });

  it("says which file is wrong and why", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "manifest-")), "manifest.yml");
    writeFileSync(file, "display_information:\n  name: x\nfeatures:\n  slash_commands:\n    - command: objectives\n");
    expect(() => loadManifest(file)).toThrow(new RegExp(`${file} is not a manifest the sandbox can read`));
  });
});
