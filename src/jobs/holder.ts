import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/** The holders this process made: with several in one process, a holder with this pid is gone only if not among them. */
const heldHere = new Set<string>();

/**
 * Who holds a lease or a claim: this host, this process and a fresh id, so that a process that
 * restarts on the same host can tell that the holder it finds is itself before a crash.
 */
export function processHolder(): string {
  const holder = `${hostname()}/${process.pid}/${randomUUID()}`;
  heldHere.add(holder);
  return holder;
}

/**
 * True only when `holder` is a process on this host that no longer runs: its leases and claims can
 * be taken over at once instead of waiting for them to lapse. Holders on other hosts (or in another
 * form) are never judged gone: their leases lapse on their own.
 */
export function holderIsGone(holder: string | null, self: string): boolean {
  if (!holder || holder === self) return false;
  const [host, pid] = holder.split("/");
  const [ownHost] = self.split("/");
  if (host !== ownHost || !pid || !/^\d+$/.test(pid)) return false;
  if (Number(pid) === process.pid) return !heldHere.has(holder);
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
