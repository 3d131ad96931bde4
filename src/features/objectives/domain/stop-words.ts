/** Common English function words (after the usual search-engine lists), minus words that carry
 * meaning here: "now", "still", "today", "first", "same", "long", "new". */
const ENGLISH = `a about above after again against all am an and any are as at be because been before being
below between both but by can cannot could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not of off on once only or other ought our ours ourselves out over own she should
so some such than that the their theirs them themselves then there these they this those through to too
under until till til up very was we were what when where which while who whom why will with would you your yours
yourself yourselves whether might must shall also either neither s t d ll m re ve its whats hows whos wheres`;

/** Words people wrap questions in; they say nothing about the topic. */
const CONVERSATIONAL = `tell say says said saying mean means meant explain explained please thanks thank hi
hello hey anyone someone somebody know knows question questions wondering wonder quick quickly help need
want like get got go going us let lets really actually ok okay yes bot ask asked asking find found
wondered maybe perhaps something anything thing things remind reminder`;

/** Greetings, apologies, fillers and hedges of chat, and contractions typed without the apostrophe. */
const CHAT = `hiya morning afternoon evening folks guys everyone everybody anybody sorry bother cheers ta thx tbh btw fyi
pls plz cc lol bit lot lots stuff kind sort basically literally exactly honestly apparently probably definitely simply
pretty quite feel feels felt seem seems seemed latter former banging trying try understand understanding sure clear
unclear confused lost plain english right happen happens happened happening matter matters way ways fit fits come
comes came side one ones idea ideas thoughts person people here line already made
dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt havent hasnt hadnt im ive id youre
theyre theres thats whens whys weve youve theyve itll thatll wed youd theyd shes hes
teh hte adn nad waht wat taht thier wiht abt excuse typo typos dictated transcript transcribed um umm erm er uh def defo
genuinely gr8`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${CONVERSATIONAL} ${CHAT}`.split(/\s+/).filter(Boolean),
);

/**
 * Common words that say little about what a question is about, but are not stop words because a
 * passage may use them to mean something ("keep more control", "real choice"). When no indexed
 * document uses one, it counts only half against a question's coverage (answer.ts): "are we stuck
 * with the CSU or can we go elsewhere" is about the CSU, however many such words surround it.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `think thinks thinking thought reckon suppose supposed supposedly believe guess hope hoping wish mention mentioned
  heard hear see seen saw look looks looking looked sound sounds seeing going goes went gone coming stuck insist
  insists insisting care talk talking talked told remember forget forgot give gives gave given take takes took taken
  put puts stay stays stop stops start started starting begin end ended finish use used using agree agreed disagree
  argue argued clarify clarification confirm confirmed check checking count counts mean meant matter wonder
  compare compared comparing comparison thin thinner
  big bigger biggest small smaller smallest large larger huge tiny little short exact whole entire true false actual
  general basic major minor good bad best worst better worse great fine nice easy hard difficult possible likely
  unlikely obvious simple different similar various certain particular latest recent early earlier late later quick
  slow wrong correct proper usual normal main
  also rather fairly totally completely entirely generally usually normally possibly certainly clearly obviously
  presumably soon sooner ever never always sometimes again anyway anyhow though although however instead otherwise
  else elsewhere somewhere anywhere everywhere nowhere around far near vs versus etc eg ie per via plus
  lot lots few many much several half bunch loads
  case fact reason example sense opinion view views detail details info type types part parts kind sort
  form treatment front back bottom middle beginning paper papers document documents sentence bits piece
  lead colleague colleagues manager boss everyone somebody concrete title`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Everyday words that a passage may use but that say nothing about the letter when a question uses
 * them: they count half for a question's coverage even when the index knows them, so "how old is the
 * queen" is not about the passage that speaks of "the old clinical tribalism".
 */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(
  `write writes written writing work works working old great year years month months week weeks day days time times hour hours hr hrs
  min mins sec secs
  name names open opens opened close closes closed move moves moving moved number numbers place places world life home
  hand hands change changes changed changing`
    .split(/\s+/)
    .filter(Boolean),
);
