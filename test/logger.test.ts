import { describe, expect, it } from "vitest";
import { Logger, withholdPayloads } from "../src/logger";

describe("the logger", () => {
  it("withholds the request and response bodies Slack's SDKs log at debug level", () => {
    expect(withholdPayloads('http request body: {"channel":"U0SECRET","text":"concern"}')).toBe(
      "http request body: [withheld]",
    );
    expect(withholdPayloads('http request result: {"ok":true,"user":"U0SECRET"}')).toBe(
      "http request result: [withheld]",
    );
    expect(withholdPayloads('ack() response sent (body: {"receipt":"K7QH"})')).toBe(
      "ack() response sent (body: [withheld])",
    );
    expect(withholdPayloads("apiCall('chat.postMessage') start")).toBe("apiCall('chat.postMessage') start");
  });

  it("writes redacted, withheld lines", () => {
    const lines: string[] = [];
    new Logger("debug", (line) => lines.push(line)).debug('http request body: {"token":"xoxb-1-2"}');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("[withheld]");
    expect(lines[0]).not.toContain("xoxb");
  });
});
