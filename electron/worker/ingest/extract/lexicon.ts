/** Small word lists the offline extractor uses to type and filter spans. All lower case. */

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Head words that make a proper-noun span an organisation ("University of Paris", "Acme Corp"). */
export const ORG_HEADS = set(`
  university college institute institution academy school company companies corporation corp inc incorporated ltd llc plc co gmbh
  bank group association society foundation committee commission council congress senate parliament assembly department ministry
  agency bureau office administration board court army navy corps party church museum hospital league club federation
  organization organisation authority service press times post journal laboratory laboratories labs trust fund reserve cabinet
  government tribunal alliance coalition nations
`);

/** Head words that make a proper-noun span a place ("Mexico City", "Hudson River", "United States"). */
export const PLACE_HEADS = set(`
  city county state states river lake lakes mountain mountains mount island islands ocean sea bay gulf valley street avenue road
  province territory territories republic kingdom empire canal coast peninsula desert park square harbor harbour port district
  region isthmus strait straits falls village town
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
  greater greatest little old young entire real true main chief principal only different additional considerable
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
