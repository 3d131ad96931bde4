import { describe, expect, it } from "vitest";
import { handling, roleIn } from "../../../../src/features/concerns/domain/handling";
import { keepsLink, quoteChoiceFor } from "../../../../src/features/concerns/domain/quote";

describe("who handles a concern", () => {
  it("is every lead who has not recused, then the deputy, else nobody", () => {
    expect(handling(["U1", "U2"], [], ["D1"])).toEqual({ route: "leads", people: ["U1", "U2"] });
    expect(handling(["U1", "U2"], ["U1"], ["D1"])).toEqual({ route: "leads", people: ["U2"] });
    expect(handling(["U1", "U2"], ["U1", "U2"], ["D1", "D2"])).toEqual({ route: "deputy", people: ["D1", "D2"] });
    expect(handling(["U1"], ["U1"], [])).toEqual({ route: "nobody", people: [] });
  });

  it("tells a recused lead apart from someone who never handled it", () => {
    const now = handling(["U1", "U2"], ["U1", "U2"], ["D1"]);
    expect(roleIn("U1", now, ["U1", "U2"])).toBe("recused");
    expect(roleIn("D1", now, ["U1", "U2"])).toBe("deputy");
    expect(roleIn("U9", now, ["U1", "U2"])).toBeNull();
    expect(roleIn("D1", handling(["U1"], [], ["D1"]), [])).toBeNull();
  });
});

describe("the quoted message of a confidential or anonymous concern", () => {
  it("is replaced by default when the reporter wrote it or was in its thread, and kept otherwise", () => {
    expect(quoteChoiceFor("anonymous", true, "author", null)).toBe("replaced");
    expect(quoteChoiceFor("confidential", true, "thread", null)).toBe("replaced");
    expect(quoteChoiceFor("anonymous", true, null, null)).toBe("kept");
    expect(quoteChoiceFor("anonymous", true, "author", "keep")).toBe("kept");
    expect(quoteChoiceFor("named", true, "author", "replace")).toBeNull();
    expect(quoteChoiceFor("anonymous", false, null, null)).toBeNull();
  });

  it("keeps its link only when ticked, never once replaced, and never for an anonymous reporter's own message", () => {
    expect(keepsLink("named", null, "author", false)).toBe(true);
    expect(keepsLink("confidential", "kept", null, true)).toBe(true);
    expect(keepsLink("confidential", "kept", null, false)).toBe(false);
    expect(keepsLink("confidential", "replaced", null, true)).toBe(false);
    expect(keepsLink("anonymous", "kept", "author", true)).toBe(false);
    expect(keepsLink("confidential", "kept", "author", true)).toBe(true);
  });
});
