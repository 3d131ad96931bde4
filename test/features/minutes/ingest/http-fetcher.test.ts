import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "../../../../src/features/minutes/ingest/address-policy";
import { FetchError } from "../../../../src/features/minutes/ingest/fetch-error";
import { type FetchLimits, HttpFetcher } from "../../../../src/features/minutes/ingest/http-fetcher";
import { MinutesServer } from "../../../support/minutes-server";

const limits: FetchLimits = {
  timeoutMs: 2_000,
  maxBytes: 64 * 1024,
  maxRedirects: 3,
  allowPrivateHosts: true,
  userAgent: "localism-bot test",
};

describe("HTTP fetcher (real HTTP on loopback)", () => {
  const server = new MinutesServer();
  const fetcher = new HttpFetcher(limits);
  beforeAll(() => server.start());
  afterAll(() => server.close());

  it("returns the body, content type and validators, and sends them back for a 304", async () => {
    server.serve("/feed.atom", {
      body: "<feed/>",
      contentType: "application/atom+xml",
      etag: '"v1"',
      lastModified: "Mon, 25 Jun 2012 09:00:00 GMT",
    });
    const first = await fetcher.fetch(server.url("/feed.atom"));
    expect(first).toMatchObject({
      status: "ok",
      contentType: "application/atom+xml",
      etag: '"v1"',
      lastModified: "Mon, 25 Jun 2012 09:00:00 GMT",
    });
    const again = await fetcher.fetch(server.url("/feed.atom"), first.status === "ok" ? first : {});
    expect(again.status).toBe("not-modified");
    expect(server.requestsFor("/feed.atom").at(-1)?.headers["if-none-match"]).toBe('"v1"');
  });

  it("explains a 404 in words an admin can act on", async () => {
    await expect(fetcher.fetch(server.url("/gone.pdf"))).rejects.toThrow(/answered HTTP 404/);
  });

  it("gives up on a slow server at the timeout", async () => {
    server.serve("/slow", { body: "late", contentType: "text/plain", delayMs: 3_000 });
    const quick = new HttpFetcher({ ...limits, timeoutMs: 300 });
    await expect(quick.fetch(server.url("/slow"))).rejects.toThrow(/did not answer within 0.3 seconds/);
  });

  it("refuses a document over the size cap, whether or not it declares its length", async () => {
    server.serve("/big.pdf", { body: new Uint8Array(200 * 1024), contentType: "application/pdf" });
    await expect(fetcher.fetch(server.url("/big.pdf"))).rejects.toThrow(/larger than the 64 kB limit/);
  });

  it("follows a bounded number of redirects", async () => {
    server.serve("/old", { body: "", contentType: "text/plain", redirectTo: "/new" });
    server.serve("/new", { body: "Minutes", contentType: "text/plain" });
    expect(await fetcher.fetch(server.url("/old"))).toMatchObject({ status: "ok", url: server.url("/new") });
    server.serve("/loop", { body: "", contentType: "text/plain", redirectTo: "/loop" });
    await expect(fetcher.fetch(server.url("/loop"))).rejects.toThrow(/Too many redirects \(more than 3\)/);
  });
});

describe("refusing loopback and private addresses (SSRF)", () => {
  const server = new MinutesServer();
  const guarded = new HttpFetcher({ ...limits, allowPrivateHosts: false });
  beforeAll(async () => {
    await server.start();
    server.serve("/minutes.txt", { body: "Minutes", contentType: "text/plain" });
  });
  afterAll(() => server.close());

  it("refuses loopback by address and by name, without connecting", async () => {
    const port = new URL(server.baseUrl).port;
    for (const url of [
      server.url("/minutes.txt"),
      `http://localhost:${port}/minutes.txt`,
      `http://[::1]:${port}/minutes.txt`,
    ]) {
      const error = await guarded.fetch(url).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FetchError);
      expect((error as FetchError).retryable).toBe(false);
      expect((error as FetchError).reason).toMatch(/loopback or private address/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("refuses cloud metadata and private networks, and non-web schemes", async () => {
    await expect(guarded.fetch("http://169.254.169.254/latest/meta-data/")).rejects.toThrow(/private address/);
    await expect(guarded.fetch("http://10.0.0.8/minutes.pdf")).rejects.toThrow(/private address/);
    await expect(guarded.fetch("http://[::127.0.0.1]/minutes.pdf")).rejects.toThrow(/private address/);
    await expect(guarded.fetch("http://[64:ff9b::7f00:1]/minutes.pdf")).rejects.toThrow(/private address/);
    await expect(guarded.fetch("file:///etc/passwd")).rejects.toThrow(/Only http and https/);
  });

  it("classifies addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      // IPv4 inside IPv6: the old compatible form, NAT64's prefix (a gateway would reach the IPv4
      // address), 6to4, and Teredo, whose address hides its IPv4 one.
      "::127.0.0.1",
      "::7f00:1",
      "::a00:8",
      "64:ff9b::7f00:1",
      "64:ff9b::10.0.0.8",
      "64:ff9b::a9fe:a9fe",
      "2002:7f00:1::",
      "2002:c0a8:101::1",
      "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of [
      "151.101.0.144",
      "2a04:4e42::144",
      "8.8.8.8",
      "64:ff9b::808:808",
      "64:ff9b::151.101.0.144",
      "2002:9765:90::1",
    ])
      expect(isPublicAddress(address), address).toBe(true);
  });
});
