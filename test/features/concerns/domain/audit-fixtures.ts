import { type AuditEntry, appendEntry, type NewEntryData } from "../../../../src/features/concerns/domain/audit-chain";

const start = Date.parse("2013-04-02T09:00:00Z");

/** A chain built from (concernRef, action) steps, one minute apart. */
export function buildChain(steps: Array<[string, "submit" | "acknowledge" | "note" | "resolve"]>): AuditEntry[] {
  const chain: AuditEntry[] = [];
  steps.forEach(([concernRef, action], i) => {
    const data: NewEntryData = {
      concernRef,
      action,
      at: new Date(start + i * 60_000),
      actor: action === "submit" ? "reporter:anonymous" : "lead:U0LEAD",
      note: action === "note" ? `Note ${i} on ${concernRef}` : null,
    };
    chain.push(appendEntry(chain.at(-1) ?? null, data));
  });
  return chain;
}
