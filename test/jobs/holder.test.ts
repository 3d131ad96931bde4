import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { holderIsGone, processHolder } from "../../src/jobs/holder";

describe("who holds a lease or a post", () => {
  it("never takes over from another holder living in this same process", () => {
    const first = processHolder();
    const second = processHolder();
    expect(holderIsGone(first, second)).toBe(false);
    expect(holderIsGone(second, first)).toBe(false);
  });

  it("takes over from an earlier run that had this process id (a restarted container), and from a dead process on this host", () => {
    const self = processHolder();
    expect(holderIsGone(`${hostname()}/${process.pid}/an-earlier-run`, self)).toBe(true);
    expect(holderIsGone(`${hostname()}/2147483646/a-dead-process`, self)).toBe(true);
  });

  it("leaves holders on other hosts, and live processes here, to their leases", () => {
    const self = processHolder();
    expect(holderIsGone(`another-host/${process.pid}/x`, self)).toBe(false);
    expect(holderIsGone(`${hostname()}/${process.ppid}/the-parent`, self)).toBe(false);
    expect(holderIsGone(null, self)).toBe(false);
  });
});
