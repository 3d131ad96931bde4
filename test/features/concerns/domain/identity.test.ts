import { describe, expect, it } from "vitest";
import { reporterIdentity, reporterLabel } from "../../../../src/features/concerns/domain/identity";

const user = { id: "U123ABC", name: "Priya Shah" };

describe("reporterIdentity", () => {
  it("keeps nothing about an anonymous reporter", () => {
    const identity = reporterIdentity("anonymous", user);
    expect(identity).toEqual({ mode: "anonymous" });
    expect(JSON.stringify(identity)).not.toContain("U123ABC");
    expect(JSON.stringify(identity)).not.toContain("Priya");
  });

  it("keeps the user for named and confidential reporters", () => {
    expect(reporterIdentity("named", user)).toEqual({ mode: "named", userId: "U123ABC", name: "Priya Shah" });
    expect(reporterIdentity("confidential", { id: "U9" })).toEqual({ mode: "confidential", userId: "U9", name: null });
  });
});

describe("reporterLabel", () => {
  it("shows confidential reporters to leads only", () => {
    const identity = reporterIdentity("confidential", user);
    expect(reporterLabel(identity, "lead")).toBe("confidential: Priya Shah (U123ABC)");
    expect(reporterLabel(identity, "staff")).toBe("confidential");
  });

  it("shows named reporters to everyone and anonymous ones to no one", () => {
    expect(reporterLabel(reporterIdentity("named", user), "staff")).toBe("Priya Shah (U123ABC)");
    expect(reporterLabel(reporterIdentity("named", { id: "U9" }), "lead")).toBe("U9");
    expect(reporterLabel({ mode: "anonymous" }, "lead")).toBe("anonymous");
  });
});
