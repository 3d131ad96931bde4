import { describe, expect, it } from "vitest";
import { signpostFor } from "../../../../src/features/concerns/domain/signposting";

const kinds = (text: string) => signpostFor(text).map((s) => s.kind);

describe("signpostFor: patient safety", () => {
  it.each([
    "A patient fell on the ward last night and nobody was told.",
    "There was a medication error after the formulary was changed centrally.",
    "The new pathway led to a near miss in A&E.",
    "This looks like a never event to me.",
    "I raised a safeguarding concern about a resident and it went nowhere.",
    "We think there was patient harm because of the delay.",
    "She had a fall while waiting for transport.",
  ])("points to incident reporting for: %s", (text) => {
    expect(kinds(text)).toEqual(["patient_safety"]);
  });

  it("names the incident reporting system plainly", () => {
    const [signpost] = signpostFor("A patient fell in the corridor.");
    expect(signpost?.destinations).toEqual(["your local incident reporting system (e.g. Datix / LFPSE)"]);
    expect(signpost?.message).toContain("Datix / LFPSE");
    expect(signpost?.matched).toEqual(["patient fell"]);
  });
});

describe("signpostFor: grievances", () => {
  it.each([
    "My manager shouts at me whenever I mention the senate.",
    "I have been bullied since I raised this in the locality meeting.",
    "A colleague has been harassing me about it.",
    "I was discriminated against in the restructure.",
    "I want to raise a grievance.",
  ])("points to HR for: %s", (text) => {
    expect(kinds(text)).toEqual(["personal_grievance"]);
  });

  it("says where to go in plain words", () => {
    const [signpost] = signpostFor("I am being harassed.");
    expect(signpost?.destinations).toEqual(["HR or your line manager's manager"]);
  });
});

describe("signpostFor: protected disclosures", () => {
  it.each([
    "I think the contract award was fraudulent.",
    "I want to blow the whistle — is this whistleblowing?",
    "There has been a cover-up of the audit findings.",
    "I would like to make a protected disclosure.",
    "What the team is doing with patient data is illegal.",
  ])("points to the Freedom to Speak Up Guardian for: %s", (text) => {
    expect(kinds(text)).toEqual(["protected_disclosure"]);
  });

  it("mentions both the Guardian and the National Guardian's Office", () => {
    const [signpost] = signpostFor("This is fraud.");
    expect(signpost?.destinations).toEqual(["your Freedom to Speak Up Guardian", "the National Guardian's Office"]);
  });
});

describe("signpostFor: ordinary governance concerns", () => {
  it.each([
    "the Board is overruling our CCG's commissioning decision on the community services contract",
    "The regional team has told us which provider to use for the falls prevention service.",
    "Elective activity fell by 8% after the clinical network imposed its new referral thresholds.",
    "The NHS Commissioning Board is bullying our CCG into signing up to its QIPP plan.",
    "The senate's procurement rules discriminate between providers, which is a decision for us.",
    "The decision falls to the CCG under the 2012 Act, but the Board has taken it over.",
    "The regional team has taken over our safeguarding arrangements review without asking.",
    "We were asked to cover the cost of the network's project from our running costs.",
    "The Board's direction on the GP contract cuts across our authorisation conditions.",
  ])("raises nothing for: %s", (text) => {
    expect(signpostFor(text)).toEqual([]);
  });

  it("ignores phrases that are negated", () => {
    expect(signpostFor("There was no patient harm, and this is not a grievance.")).toEqual([]);
    expect(signpostFor("No fraud is suggested; the issue is who decides.")).toEqual([]);
  });
});

describe("signpostFor: several at once", () => {
  it("lists each kind once, patient safety first", () => {
    const text = "My manager covered up a medication error and a second medication error; it was a cover-up.";
    const signposts = signpostFor(text);
    expect(signposts.map((s) => s.kind)).toEqual(["patient_safety", "protected_disclosure", "personal_grievance"]);
    expect(signposts[0]?.matched).toEqual(["medication error"]);
  });
});
