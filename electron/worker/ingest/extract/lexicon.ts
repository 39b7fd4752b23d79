/** Small word lists the offline extractor uses to type and filter spans. All lower case. */

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Head words that make a proper-noun span an organisation ("University of Paris", "Acme Corp"). */
export const ORG_HEADS = set(`
  university college institute institution academy school company companies corporation corp inc incorporated ltd llc plc co gmbh
  bank group association society foundation committee commission council congress senate parliament assembly department ministry
  agency bureau office administration board court army navy corps party church museum hospital league club federation
  organization organisation authority service press times post journal laboratory laboratories labs trust fund reserve cabinet
  government tribunal alliance coalition nations indians tribe
`);

/** Head words that make a proper-noun span a place ("Mexico City", "Hudson River", "United States"). */
export const PLACE_HEADS = set(`
  city county state states river lake lakes mountain mountains mount island islands ocean sea bay gulf valley street avenue road
  province territory territories republic kingdom empire canal coast peninsula desert park square harbor harbour port district
  region isthmus strait straits falls village town cathedral abbey castle palace bridge
`);

/** Titles that mark the following name as a person. */
export const PERSON_TITLES = set(`
  mr mrs ms miss dr prof professor sir dame lord president senator governor general captain king queen prince princess pope
  judge justice chancellor minister premier emperor empress colonel admiral sergeant lieutenant reverend rev sen gov gen capt col
  lt sgt madame monsieur herr frau
`);

/** Titles stripped from an entity's name and key ("Mr. Smith" and "Smith" are one entity). */
export const HONORIFICS = set(`mr mrs ms miss messrs mme mlle dr prof sir dame madame monsieur herr frau`);

export const MONTHS = set(`january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec`);
export const WEEKDAYS = set(`monday tuesday wednesday thursday friday saturday sunday`);

/** Lower-case words allowed inside a proper-noun span ("University of Paris", "Leonardo da Vinci"). */
export const NAME_CONNECTORS = set(`of de la le du da del der van von den & y`);

/** Adjectives that add nothing to a keyphrase ("great importance" is just "importance"). */
export const WEAK_ADJECTIVES = set(`
  great good new many much other such own same certain various several important last first present whole full large small high
  low late early recent particular general necessary possible proper past next former further few more most less best better
  greater greatest little old young entire real true main chief principal only different additional considerable maximum minimum
`);

/** Nouns too generic to be a concept on their own. */
export const GENERIC_NOUNS = set(`
  time times year years day days way ways thing things part parts lot kind kinds sort number numbers case cases fact facts point
  points place places end side matter matters manner means deal while moment one ones others people person man men woman women
  object objects subject subjects view views respect regard account course order reason reasons purpose purposes instance result
  results use
`);

/** Words after which "of" continues a name ("University of Paris", "Gulf of Mexico", "Secretary of State"). */
export const OF_HEADS: ReadonlySet<string> = new Set([...ORG_HEADS, ...PLACE_HEADS, ...set(`house secretary minister duke earl prince king queen
  bishop archbishop lord speaker states kingdom republic commonwealth province isle cape gulf bay sea straits district`)]);

/**
 * Titles that start a new name inside a run of capitalised words: "Old Captain Peleg" is the
 * sentence's "Old" and then "Captain Peleg". Titles that are also ordinary words in names
 * ("General Motors", "King's College") are left out.
 */
export const NAME_BREAK_TITLES: ReadonlySet<string> = new Set([
  ...HONORIFICS,
  ...set(`captain capt colonel col admiral lieutenant lt sergeant sgt senator sen governor gov professor reverend rev`),
]);

/** Compass words and the like: a capitalised "North" alone is half of an elided name ("North, Central, and South America"). */
export const COMPASS = set(`north south east west northern southern eastern western central northeast northwest southeast southwest`);

/** Prepositions after which an unknown name is a place ("in Holland", "near the Wabash"). */
export const LOCATIVE_PREPOSITIONS = set(`in at near from into across throughout towards toward within off`);

/** Pronouns that, following an untyped name closely, mark a person ("Queequeg … he had been"); "she" and "her" also stand for ships and countries. */
export const MALE_PRONOUNS = set(`he him his himself`);

/**
 * Verbs whose subject is a person ("Yojo had told him", "cried Ahab"): an unknown name next to
 * one of them is typed person. Lemmas.
 */
export const PERSON_VERBS = set(`
  say tell ask answer reply cry shout whisper exclaim mutter murmur think believe know wonder feel want wish decide
  hope smile laugh nod insist consult cherish marry die speak write
`);

/** Small words of an initialism's expansion that give no letter ("Applicative Language for Digital Signal Processing": ALDSP). */
export const INITIALISM_SKIP = set(`of for and the de la a an to in on with`);
