import { tokenise } from "./text-analysis";

/**
 * Everyday workplace vocabulary: the other things a CCG team's Slack is about. A question that asks
 * about one of these is about the office, not the letter ("what's the door code for the Leeds
 * office", "who's doing the sandwiches for the board meeting"), however many of the domain's words
 * it also uses, and the bot declines it (answer.ts).
 *
 * - A word or phrase counts only while no indexed document uses it: if the knowledge base or a set
 *   of minutes ever discusses pensions, questions about pensions are answered from them like any
 *   other. A phrase counts unless every one of its words is used.
 * - Words are compared as typed (lower-case, punctuation as spaces, abbreviations expanded), never
 *   stemmed: "excel" is not "excellent".
 * - Only words whose everyday sense is the only likely one in a question about the letter: "room"
 *   (room for manoeuvre), "leave" (leave it to CCGs), "permit", "party" (third party), "interview",
 *   "train" (train staff), "strike" (strike a balance), "alarm" (raise the alarm), "christmas" (by
 *   Christmas) and "game" are here only inside phrases, or not at all.
 */
const WORDS = {
  premises: `door doors toilet toilets loo kitchen fridge microwave kettle canteen cafe café lanyard lanyards locker
    lockers desk desks hotdesk hotdesking carpet radiator heating aircon thermostat stairs postcode street umbrella
    keys evacuation parking floor floors lift lifts sink sinks cupboard stationery projector whiteboard shower showers
    reception receptionist cleaner cleaners cleaning bins boardroom glasses specs wallet handbag coat jacket
    scarf earring earrings`,
  it: `password passwords login logins logon username laptop laptops computer computers pc printer printers printing
    scanner photocopier wifi vpn nhsmail email emails outlook excel spreadsheet spreadsheets vlookup powerpoint zoom
    skype webex headset webcam phone phones software install browser notifications notification mute keyboard
    mouse charger bluetooth esr smartcard helpdesk ticket tickets mobile mobiles iphone android
    website websites intranet sharepoint onedrive dashboard dashboards pdf screenshare`,
  payAndLeave: `hr pension pensions payroll payslip payslips salary salaries wage wages overtime tax expenses expense
    mileage receipt receipts holiday holidays sickness appraisal appraisals timesheet timesheets flexi lieu rota rotas
    maternity paternity payday vacancy vacancies cv proofread proofreading grievance grievances disciplinary shortlist shortlists shortlisted shortlisting wfh reimburse reimbursed reimbursement
    reimbursements bank discount discounts gift gifts hospitality fare fares`,
  legalAndEstates: `solicitor solicitors lawyer lawyers court courts tribunal tribunals litigation lawsuit fees vat lease
    leases landlord landlords rent`,
  informationGovernance: `foi caldicott gdpr dpo`,
  officeFinance: `threshold thresholds`,
  eventsAndComms: `seminar seminars webinar webinars workshop workshops agm newsletter newsletters interpreter interpreters interpreting translator translators`,
  foodAndSocial: `lunch lunches lunchtime breakfast dinner supper sandwich sandwiches catering caterer caterers coffee
    cake cakes bake baking biscuit biscuits veggie vegetarian vegan recipe recipes lasagne pizza curry snacks birthday
    drinks pub quiz raffle bingo`,
  travelAndWeather: `trains railway bus buses taxi taxis tube traffic commute commuting driving flight flights hotel hotels
    station cycling bike bikes petrol satnav weather rain raining snow sunny`,
  leisureAndHome: `football cricket rugby tennis gym dentist plumber cat cats dog dogs pet pets school schools
    kids movie film tv netflix music concert shopping garden booking poem poems song songs podcast podcasts queen king
    twitter linkedin facebook instagram tiktok whatsapp hashtag switchboard easter slides template templates invoice
    invoices graduate graduates logo logos branding letterhead club clubs yoga choir`,
};

const PHRASES = [
  "meeting room",
  "meeting rooms",
  "door code",
  "fire drill",
  "fire alarm",
  "car park",
  "front desk",
  "post room",
  "dial in",
  "wi fi",
  "e mail",
  "it support",
  "service desk",
  "profile picture",
  "annual leave",
  "sick leave",
  "study leave",
  "job application",
  "annual accounts",
  "job interview",
  "training course",
  "dress code",
  "bank holiday",
  "bank holidays",
  "parking permit",
  "away day",
  "leaving do",
  "team building",
  "secret santa",
  "train strike",
  "train station",
  "by train",
  "christmas party",
  "christmas social",
  "shared drive",
  "prime minister",
  "account manager",
  "on teams",
  "moving offices",
  "office move",
  "takes the minutes",
  "take the minutes",
  "taking the minutes",
  "taking notes",
  "take notes",
  "takes notes",
  "christmas do",
  "work from home",
  "working from home",
  "power cut",
  "power cuts",
  "power outage",
  "line manager",
  "closing date",
  "job description",
  "freedom of information",
  "data protection",
  "subject access",
  "information governance",
  "management consultants",
  "management consultancy",
  "occupational health",
  "office hours",
  "opening hours",
  "opening times",
  "out of hours",
  "on call",
  "admin rights",
  "out of office",
  "annual general meeting",
  "audit committee",
  "remuneration committee",
  "leaving card",
  "press release",
  "relationship manager",
  "relationship managers",
  "it system",
  "it systems",
  "it team",
  "it department",
  "gp it",
  "flexible working",
  "part time",
  "job share",
  "compressed hours",
  "health and safety",
  "first aid",
  "fire warden",
  "fire exit",
  "fire exits",
  "staff survey",
  "staff surveys",
  "risk assessment",
  "need a room",
  "post office",
  "cash machine",
  "travel costs",
  "pay travel",
  "pay for travel",
  "word doc",
  "word docs",
  "word document",
  "word documents",
  "board room",
  "fill in",
  "fills in",
  "fill it in",
  "fills it in",
  "filling in",
  "fill out",
  "fills out",
  "book a room",
  "a room for",
  "travel claim",
  "travel claims",
  "travel expenses",
  "claim for travel",
  "flu jab",
  "flu jabs",
  "waiting list",
  "waiting lists",
  "waiting times",
  "a e",

  "staff training",
  "mandatory training",
  "training budget",
  "purchase order",
  "purchase orders",
  "cost centre",
  "budget code",
  "petty cash",
  "credit card",
  "standing financial instructions",
];

/**
 * Words of time that place a question in the asker's week, not in 2012-13: they count against a
 * question twice as much as a word the index does not know (answer.ts).
 */
export const HERE_AND_NOW_WORDS: ReadonlySet<string> = new Set([
  "next",
  "tomorrow",
  "tmrw",
  "tonight",
  "yesterday",
  "weekend",
  "upcoming",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
]);

/** The same, as phrases of words a passage may use alone ("month", "week"). */
const HERE_AND_NOW_PHRASES = [
  "this week",
  "this month",
  "last week",
  "last month",
  "next month",
  "this quarter",
  "last quarter",
  "next quarter",
  "next year",
].map((phrase) => phrase.split(" "));

/** How many of the HERE_AND_NOW phrases `text` uses. */
export function hereAndNowPhrases(text: string): number {
  const tokens = tokenise(text);
  return HERE_AND_NOW_PHRASES.filter((phrase) => occursIn(tokens, phrase)).length;
}

const SINGLE: ReadonlySet<string> = new Set(
  Object.values(WORDS)
    .flatMap((words) => words.split(/\s+/))
    .filter(Boolean),
);
const PHRASE_WORDS = PHRASES.map((phrase) => phrase.split(" "));

/** The everyday workplace words and phrases in `text` that no indexed document uses. */
export function offDomainWords(text: string, used: (word: string) => boolean): string[] {
  const tokens = tokenise(text);
  const found = tokens.filter((token) => SINGLE.has(token) && !used(token));
  // Whether the index uses a word is the costly part: asked only of phrases the text holds.
  for (const phrase of PHRASE_WORDS) {
    if (occursIn(tokens, phrase) && !phrase.every(used)) found.push(phrase.join(" "));
  }
  return found;
}

function occursIn(tokens: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((word, offset) => tokens[start + offset] === word)) return true;
  }
  return false;
}
