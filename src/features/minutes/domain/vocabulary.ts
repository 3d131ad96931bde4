import type { TaggingVocabulary } from "./tagging";

/**
 * Built-in terms for the four objectives of the April 2012 letter and for CCG autonomy, used when
 * the knowledge base supplies none. Words are matched on stems, so list one form of each.
 */
export const defaultTaggingVocabulary: TaggingVocabulary = {
  objectives: [
    {
      number: 1,
      terms: [
        "transfer of power", "transferring power", "localism", "devolve", "devolution", "decentralisation",
        "autonomy", "CCG", "clinical commissioning group", "local organisation", "local commissioner",
        "delegate", "delegation", "subsidiarity", "bottom-up", "clinically led", "clinical leadership",
        "empower", "local decision",
      ],
    },
    {
      number: 2,
      terms: [
        "commissioning landscape", "commissioning support", "establishment", "establish", "authorisation",
        "transition", "fixed points", "outcomes framework", "NHS Constitution", "recruitment", "recruit",
        "area team", "shadow form", "designate", "commissioning architecture",
      ],
    },
    {
      number: 3,
      terms: [
        "financial", "finance", "budget", "resource limit", "capability", "business plan", "operating model",
        "financial management", "allocation", "running costs", "value for money", "QIPP", "efficiency",
        "commissioning capability", "skills", "financial agreement",
      ],
    },
    {
      number: 4,
      terms: [
        "relationships", "partners", "partnership", "local government", "local authority",
        "health and wellbeing board", "integration", "level playing field", "providers", "stakeholders",
        "collaboration", "working together", "engagement", "arm's-length bodies", "sponsor",
        "clinical senates", "clinical networks", "Care Quality Commission",
      ],
    },
  ],
  autonomyTerms: [
    "autonomy", "autonomous", "CCG freedom", "freedom to commission", "control over CCGs", "central control", "top-down",
    "earned autonomy", "assumed liberty", "devolve", "decision-making", "impose", "override", "micromanage",
    "interfere", "intervene", "headquarters", "performance manage",
  ],
};
