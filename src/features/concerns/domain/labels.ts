import type { BodyInvolved, IdentityMode, Impact, ObjectiveChoice } from "./concern";

/** The four strategic objectives of the April 2012 letter, in its order. */
export const OBJECTIVE_LABELS: Record<ObjectiveChoice, string> = {
  1: "1. Transferring power to local organisations",
  2: "2. Establishing the commissioning landscape",
  3: "3. Developing specific commissioning and financial management capabilities",
  4: "4. Developing excellent relationships",
  not_sure: "Not sure",
};

export const BODY_LABELS: Record<BodyInvolved, string> = {
  nhs_commissioning_board: "NHS Commissioning Board",
  clinical_senate: "Clinical senate",
  clinical_network: "Clinical network",
  regional_team: "Regional team",
  other: "Other",
};

export const IMPACT_LABELS: Record<Impact, string> = { low: "Low", medium: "Medium", high: "High" };

export const IDENTITY_MODE_LABELS: Record<IdentityMode, string> = {
  named: "Named",
  confidential: "Confidential (only concern leads see who)",
  anonymous: "Anonymous (who raised it is never stored)",
};
