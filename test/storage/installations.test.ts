import { randomBytes } from "node:crypto";
import type { Installation } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { parseEncryptionKeys } from "../../src/config";
import { type Database, openDatabase } from "../../src/storage/database";
import { InstallationRepository } from "../../src/storage/installations";
import { TokenCipher } from "../../src/storage/token-cipher";
import { freshDatabaseUrl, type Provider } from "../support/databases";

const providers: Provider[] = ["sqlite", "postgres"];

const key = () => randomBytes(32);

function workspaceInstall(teamId: string, token: string, enterpriseId?: string): Installation {
  return {
    team: { id: teamId, name: `${teamId} CCG` },
    enterprise: enterpriseId ? { id: enterpriseId, name: "NHS Org" } : undefined,
    isEnterpriseInstall: false,
    user: { id: "U0INSTALL", token: undefined, scopes: undefined },
    bot: { token, scopes: ["chat:write"], id: "B0BOT", userId: "U0BOT" },
    appId: "A0APP",
    tokenType: "bot",
    authVersion: "v2",
  };
}

function orgInstall(enterpriseId: string, token: string): Installation<"v2", true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: "NHS Org" },
    isEnterpriseInstall: true,
    user: { id: "U0INSTALL", token: undefined, scopes: undefined },
    bot: { token, scopes: ["chat:write"], id: "B0BOT", userId: "U0BOT" },
    appId: "A0APP",
    tokenType: "bot",
    authVersion: "v2",
  };
}

describe("encrypting tokens at rest (AES-256-GCM)", () => {
  it("reads back what it wrote, and refuses a value changed in the database", () => {
    const cipher = new TokenCipher([key()]);
    const sealed = cipher.encrypt("xoxb-secret-token");
    expect(sealed).not.toContain("xoxb");
    expect(cipher.decrypt(sealed)).toBe("xoxb-secret-token");
    expect(cipher.encrypt("xoxb-secret-token")).not.toBe(sealed);
    const [version, id, iv, tag, body] = sealed.split(".");
    const flipped = `${body?.[0] === "A" ? "B" : "A"}${body?.slice(1)}`;
    expect(() => cipher.decrypt([version, id, iv, tag, flipped].join("."))).toThrow(/Cannot decrypt/);
  });

  it("after rotation (TOKEN_ENCRYPTION_KEY=new,old) reads old values and writes under the new key", () => {
    const [oldKey, newKey] = [key(), key()];
    const before = new TokenCipher([oldKey]).encrypt("xoxb-old");
    const rotated = new TokenCipher([newKey, oldKey]);
    expect(rotated.decrypt(before)).toBe("xoxb-old");
    expect(new TokenCipher([newKey]).decrypt(rotated.encrypt("xoxb-new"))).toBe("xoxb-new");
    expect(() => new TokenCipher([newKey]).decrypt(before)).toThrow(/put that key back in the list/);
  });

  it("takes keys as base64 or hex, one or a comma-separated list, and only 32 bytes", () => {
    const raw = key();
    expect(parseEncryptionKeys(raw.toString("base64"))?.[0]?.equals(raw)).toBe(true);
    expect(parseEncryptionKeys(raw.toString("hex"))?.[0]?.equals(raw)).toBe(true);
    expect(parseEncryptionKeys(`${key().toString("base64")}, ${raw.toString("hex")}`)).toHaveLength(2);
    expect(parseEncryptionKeys(randomBytes(16).toString("base64"))).toBeNull();
    expect(parseEncryptionKeys("not a key")).toBeNull();
  });
});

describe.each(providers)("the installation store (%s)", (provider) => {
  let database: Database;
  afterEach(() => database?.close());

  async function open() {
    database = await openDatabase(await freshDatabaseUrl(provider));
    return database;
  }

  it("stores installations encrypted, finds them by workspace, and deletes them", async () => {
    const db = (await open()).db;
    const store = new InstallationRepository(db, new TokenCipher([key()]));
    await store.storeInstallation(workspaceInstall("T0NORTH01", "xoxb-north-secret"));
    await store.storeInstallation(workspaceInstall("T0SOUTH01", "xoxb-south-secret"));
    const raw = JSON.stringify(await db.$queryRawUnsafe('SELECT * FROM "SlackInstallation"'));
    expect(raw).not.toContain("xoxb-");
    expect(raw).toContain("T0NORTH01");
    const north = await store.fetchInstallation({
      teamId: "T0NORTH01",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(north.bot?.token).toBe("xoxb-north-secret");
    await store.deleteInstallation({ teamId: "T0NORTH01", enterpriseId: undefined, isEnterpriseInstall: false });
    expect(await store.find({ teamId: "T0NORTH01" })).toBeNull();
    await expect(
      store.fetchInstallation({ teamId: "T0NORTH01", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/No installation for workspace T0NORTH01/);
    expect((await store.find({ teamId: "T0SOUTH01" }))?.bot?.token).toBe("xoxb-south-secret");
  });

  it("serves every workspace of an Enterprise Grid organisation from one org-wide install, keyed by enterprise id", async () => {
    const db = (await open()).db;
    const store = new InstallationRepository(db, new TokenCipher([key()]));
    await store.storeInstallation(orgInstall("E0NHSORG1", "xoxb-org-secret"));
    const asBoltAsks = await store.fetchInstallation({
      enterpriseId: "E0NHSORG1",
      teamId: "T0GRIDWS1",
      isEnterpriseInstall: true,
    });
    expect(asBoltAsks.bot?.token).toBe("xoxb-org-secret");
    expect((await store.find({ teamId: "T0GRIDWS2", enterpriseId: "E0NHSORG1" }))?.bot?.token).toBe("xoxb-org-secret");
    // A workspace's own install inside the organisation comes first.
    await store.storeInstallation(workspaceInstall("T0GRIDWS2", "xoxb-ws2-secret", "E0NHSORG1"));
    expect((await store.find({ teamId: "T0GRIDWS2", enterpriseId: "E0NHSORG1" }))?.bot?.token).toBe("xoxb-ws2-secret");
    await store.remove({ enterpriseId: "E0NHSORG1", isEnterpriseInstall: true });
    expect(await store.find({ teamId: "T0GRIDWS1", enterpriseId: "E0NHSORG1" })).toBeNull();
    expect(await store.find({ teamId: "T0GRIDWS2", enterpriseId: "E0NHSORG1" })).not.toBeNull();
  });

  it("still reads installations written under the old key once a new key is put first, and rewrites them under it", async () => {
    const db = (await open()).db;
    const [oldKey, newKey] = [key(), key()];
    await new InstallationRepository(db, new TokenCipher([oldKey])).storeInstallation(
      workspaceInstall("T0NORTH01", "xoxb-north-secret"),
    );
    const rotated = new InstallationRepository(db, new TokenCipher([newKey, oldKey]));
    expect((await rotated.find({ teamId: "T0NORTH01" }))?.bot?.token).toBe("xoxb-north-secret");
    // Read once under the new list, it is now under the new key: the old key can be retired.
    const retired = new InstallationRepository(db, new TokenCipher([newKey]));
    expect((await retired.find({ teamId: "T0NORTH01" }))?.bot?.token).toBe("xoxb-north-secret");
  });
});
