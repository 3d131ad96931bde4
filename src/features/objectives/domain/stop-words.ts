/** Common English function words (after the usual search-engine lists), minus words that carry
 * meaning here: "now", "still", "today", "first", "same", "long", "new". */
const ENGLISH = `a about above after again against all am an and any are as at be because been before being
below between both but by can cannot could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not of off on once only or other ought our ours ourselves out over own she should
so some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your yours
yourself yourselves whether might must shall also either neither s t d ll m re ve its whats hows whos wheres`;

/** Words people wrap questions in; they say nothing about the topic. */
const CONVERSATIONAL = `tell say says said saying mean means meant explain explained please thanks thank hi
hello hey anyone someone somebody know knows question questions wondering wonder quick quickly help need
want like get got go going us let lets really actually ok okay yes bot ask asked asking find found
wondered maybe perhaps something anything thing things`;

export const STOP_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${CONVERSATIONAL}`.split(/\s+/).filter(Boolean));
