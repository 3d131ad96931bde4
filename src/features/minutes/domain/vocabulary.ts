import type { TaggingVocabulary } from "./tagging";

/**
 * Built-in terms for the four objectives of the April 2012 letter and for CCG autonomy; the
 * knowledge base's aliases are added to them (kb-vocabulary.ts).
 *
 * How a term is written (see compileTerm in tagging.ts):
 * - words match whole words, case aside, with no stemming: "provider(s)" matches "provider" and
 *   "providers" but not "provided", and "authorisation" does not match "Authority";
 * - "(s)" makes an ending optional and "(e|ed|ing)" lists the endings allowed;
 * - a space or hyphen matches a space or a hyphen ("top-slice" ~ "top slice");
 * - "..." stands for up to six other words ("hold back ... allocations" matches "hold back 2% of
 *   their 2013/14 allocations");
 * - a term starting "=" keeps its case ("=Monitor", the regulator, not "monitor progress");
 * - British and American spellings ("-isation", "-ization") match each other, and possessives
 *   ("CCGs'", "the Board's") match the plain word.
 *
 * `terms` are specific enough to tag an item alone; `weakTerms` (general words such as "budget"
 * or "provider") count for less, so an item needs three of them, or a specific term.
 * Routine items (apologies, minutes of the last meeting, any other business...) and operational
 * quality and performance reports get no tags at all (see document.ts).
 */
export const defaultTaggingVocabulary: TaggingVocabulary = {
  objectives: [
    {
      number: 1,
      terms: [
        "transfer(ring) of power",
        "transferring power",
        "localism",
        "devolv(e|ed|es|ing)",
        "devolution",
        "decentralisation",
        "autonomy",
        "autonomous",
        "assumed liberty",
        "earned autonomy",
        "subsidiarity",
        "bottom-up",
        "local decision(s)",
        "local organisations",
        "clinically led commissioning",
        "power to local",
      ],
      weakTerms: ["empower(ed|ing|ment)", "clinical leadership", "delegat(e|ed|ion) ... budget(s)"],
    },
    {
      number: 2,
      terms: [
        "commissioning landscape",
        "commissioning support unit(s)",
        "commissioning support",
        "CSU(s)",
        "authoris(e|ed|ing|ation)",
        "clinical senate(s)",
        "senate council",
        "strategic clinical network(s)",
        "clinical network(s)",
        "shadow form",
        "fixed points",
        "commissioning architecture",
        "commissioning system",
        "operating model",
        "committee structure",
        "national directors",
        "transfer of staff",
        "staff consultation",
        "specialised commissioning",
        "commission(s|ed|ing) ... directly",
        "directly commission(s|ed|ing)",
        "assurance (meeting|checkpoint)(s)",
        "quarterly checkpoint(s)",
      ],
      weakTerms: [
        "(area|regional) (team(s)|director(s))",
        "senate(s)",
        "transition",
        "recruitment",
        "establish(ed|ing|ment|)",
        "outcomes framework",
        "=NHS Constitution",
        "designate",
        "delegation agreement",
        "scheme of (reservation and )delegation",
        "terms of reference",
      ],
    },
    {
      number: 3,
      terms: [
        "allocation(s)",
        "resource limit(s)",
        "running cost(s)",
        "running cost allowance",
        "=QIPP",
        "quality premium",
        "financial management",
        "financial agreement",
        "financial framework",
        "financial duties",
        "financial controls",
        "financial position",
        "finance report",
        "efficiency savings",
        "value for money",
        "resource allocation",
        "commissioning capability",
        "control total(s)",
      ],
      weakTerms: [
        "business plan(s)",
        "budget(s)",
        "surplus",
        "deficit",
        "savings",
        "financial",
        "finance",
        "funding",
        "funded",
        "underspend(s)",
        "overspend(s)",
        "capability",
        "skills",
        "financial plan(s)",
        "reserve(s)",
        "contingency",
        "top-slic(e|ed|es|ing)",
        "risk (pool|pooling|share|sharing)",
        "outturn",
        "(break|breaks|broke|broken) even",
      ],
    },
    {
      number: 4,
      terms: [
        "local government",
        "local authorit(y|ies)",
        "health and wellbeing board(s)",
        "health and wellbeing strateg(y|ies)",
        "joint health and wellbeing",
        "=Healthwatch",
        "=LINk",
        "=Monitor",
        "level playing field",
        "social care",
        "patient(s) and (the )public",
        "public and patient",
        "patient and public (voice|engagement|involvement)",
        "public engagement",
        "integrated care partnership",
        "working together",
        "joint commissioning",
        "section 75",
        "any qualified provider",
        "public health (transfer|grant(s)|responsibilities|function(s))",
        "transfer of public health",
      ],
      weakTerms: [
        "arm's-length bod(y|ies)",
        "Care Quality Commission",
        "=CQC",
        "provider(s)",
        "partner(s)",
        "partnership(s)",
        "relationship(s)",
        "stakeholder(s)",
        "collaboration",
        "engagement",
        "integration",
        "integrated",
        "council(s)",
        "sponsor(ship)",
        "procure(d|ment|)",
      ],
    },
  ],
  /**
   * Phrasings that put CCG autonomy at stake, found in minutes of the time: the Board, an area
   * team or a cluster keeping or taking control of what belongs to CCGs, top-slicing or holding
   * back part of their money, telling them which commissioning support or framework to use,
   * deciding for them elsewhere, instructing them, or using authorisation conditions to steer their
   * plans; and items that say outright that such control must not happen.
   */
  autonomyTerms: [
    "autonomy",
    "autonomous",
    "CCG freedom",
    "freedom to commission",
    "earned autonomy",
    "assumed liberty",
    // keeping or taking control
    "(keep|keeps|keeping|kept|retain|retains|retaining|retained|take|takes|taking|took|taken) control",
    "control of decisions",
    "out of (their|its|the CCG|the CCGs) control",
    "(full|real) control (of|over) (their|its) (allocation(s)|budget(s)|money|funds)",
    "control over (CCG(s)|clinical commissioning groups)",
    "central control",
    "top-down",
    "micromanag(e|ed|es|ing|ement)",
    // decisions that belong to CCGs, taken elsewhere
    "decision(s) that belong(s|ed) to",
    "decision for the (CCG(s)|governing body) and not",
    "decision(s) made for (it|them) elsewhere",
    "(decided|agreed|taken) elsewhere",
    "(agreed|decided|chosen|signed|settled|committed|settle|decide|choose) ... on (the )(CCG|CCGs|its|their) behalf",
    "on (the )(CCG|CCGs|its|their) behalf without",
    "in (the CCG|the CCGs) name",
    "without (consulting|involving|asking|reference to|the agreement of) (the |their |its |any |)(CCG|CCGs|governing bod(y|ies))",
    "without (their|its|the CCG|the CCGs) agreement",
    "before (either|any|each|the|their|its) ... governing bod(y|ies) (had )(considered|seen|discussed|agreed|approved|met)",
    "before being (presented|put|taken|shown) to (the|their|its|each) governing bod(y|ies)",
    "before the (Board|board|governing body) had (seen|considered|discussed)",
    "overrul(e|ed|es|ing) ... (CCG|CCGs|governing bod(y|ies))",
    "bind(s|ing|) (the )(CCG|CCGs|governing bod(y|ies))",
    "binding on (any |the |all |each |)(commissioner(s)|CCG(s)|governing bod(y|ies))",
    "(take|takes|taking|took|taken) (that |the |this |these |)(choice|decision)(s) away",
    "(remove|removes|removed|removing|lose|loses|losing|lost) ... (ability|freedom|right) to (decide|choose|commission)",
    // top-slicing or holding back CCGs' money
    "top-slic(e|ed|es|ing)",
    "(hold|holds|holding|held|keep|keeping|kept) back ... (allocation(s)|budget(s)|funding|money|share)",
    "pool(s|ed|ing|) ... underspend(s)",
    "(budget(s)|allocation(s)|money|funds|funding|underspend(s)|surplus(es)) ... (retained|kept|held|controlled|pooled) by the (area team|cluster|regional team|PCT(s))",
    "(transfer|transferred|handed|hand|passed) (over )to the (area team|cluster|regional team) to (manage|hold|control|spend)",
    "(held|released|controlled|spent|allocated) ... by the (area team|cluster|regional team) at (its|their) (own )discretion",
    // being told which commissioning support, framework or provider to use
    "(tell|tells|telling|told) (them|CCGs|the CCG|the CCGs|each CCG) which",
    "which ... they must use",
    "(be|been|being) assigned to the commissioning support unit",
    "(required|directed|instructed|told|expected|compelled|obliged|forced) to (use|buy|take|adopt|sign up|implement|follow|accept|commission|arrange|contribute|transfer|hand over)",
    "(requiring|required|directing|directed|instructing|instructed|telling|told|expected|expecting|compelling|compelled|obliging) (the |all |every |each |its |their |)(CCG|CCGs) ... to (use|buy|take|adopt|sign up|implement|follow|accept|commission|arrange|contribute|transfer|hand over)",
    "mandat(ed|ing) (a single|one|the use of|CCGs|the CCG|the CCGs|all CCGs|every CCG|each CCG)",
    "(signed off|approved|cleared|vetted|settled) by the (area team|cluster|regional team|Board) (before|first|in advance)",
    "(area team|cluster|regional team) (approval|sign-off|clearance)",
    "(to it|to the area team|to the cluster|to the regional team) for (its )(approval|sign-off|clearance)",
    "approv(e|ed|es|ing|al) ... in advance",
    "steer(s|ed|ing|) (CCGs|the CCG|the CCGs)",
    // instructions and directions
    "(an|as an|as) instruction",
    "instruct(s|ed|ing|) (CCGs|the CCG|the CCGs|governing bod(y|ies))",
    "direct(s|ed|ing|) (CCGs|the CCG|the CCGs) to",
    "(as|not as) a direction",
    // conditions used to control
    "condition(s) (must|should|would|could) not (be used|become)",
    "condition(s) ... used to (decide|control|steer|dictate|impose)",
    "discharged only (when|if)",
    "impose(d|s) on (CCGs|the CCG|the CCGs)",
  ],
};
