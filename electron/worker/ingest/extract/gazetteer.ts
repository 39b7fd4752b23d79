/**
 * A small gazetteer: names whose kind the tagger cannot tell from the word alone ("Britain",
 * "Manchuria" and "Pacific" are untyped for compromise). Countries (with common historical and
 * short forms), continents and world regions, oceans and seas, U.S. states, and large or
 * historically prominent cities; plus a few political groups named as a whole. All lower case;
 * multi-word entries are matched as whole token sequences.
 */
const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s*\n\s*|\s*,\s*/).map((x) => x.trim()).filter(Boolean));

const COUNTRIES = `
  afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria, azerbaijan, bahamas, bahrain,
  bangladesh, barbados, belarus, belgium, belize, benin, bhutan, bolivia, bosnia, botswana, brazil, brunei, bulgaria,
  burma, burundi, cambodia, cameroon, canada, chad, chile, china, colombia, congo, costa rica, croatia, cuba, cyprus,
  czechoslovakia, czech republic, denmark, djibouti, dominica, ecuador, egypt, el salvador, england, eritrea, estonia,
  ethiopia, fiji, finland, france, gabon, gambia, georgia, germany, ghana, greece, grenada, guatemala, guinea, guyana,
  haiti, holland, honduras, hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy, jamaica, japan,
  jordan, kazakhstan, kenya, korea, kosovo, kuwait, laos, latvia, lebanon, lesotho, liberia, libya, liechtenstein,
  lithuania, luxembourg, madagascar, malawi, malaysia, mali, malta, mauritania, mauritius, mexico, moldova, monaco,
  mongolia, montenegro, morocco, mozambique, myanmar, namibia, nepal, netherlands, new zealand, nicaragua, niger,
  nigeria, north korea, norway, oman, pakistan, panama, paraguay, persia, peru, philippines, poland, portugal, prussia,
  qatar, romania, russia, rwanda, samoa, saudi arabia, scotland, senegal, serbia, siam, sierra leone, singapore,
  slovakia, slovenia, somalia, south africa, south korea, spain, sri lanka, sudan, suriname, sweden, switzerland,
  syria, taiwan, tanzania, thailand, tibet, togo, tonga, tunisia, turkey, uganda, ukraine, united kingdom,
  united states, united states of america, uruguay, uzbekistan, venezuela, vietnam, viet-nam, wales, yemen,
  yugoslavia, zambia, zimbabwe, abyssinia, britain, great britain, ceylon, formosa, rhodesia, zaire, ussr,
  soviet union, america
`;

const REGIONS = `
  africa, antarctica, asia, europe, north america, south america, central america, latin america, oceania, eurasia,
  north africa, east africa, west africa, middle east, near east, far east, east asia, southeast asia, south asia,
  central asia, western europe, eastern europe, central europe, scandinavia, balkans, caribbean, mediterranean,
  pacific, atlantic, arctic, indian ocean, pacific ocean, atlantic ocean, arctic ocean, baltic, north sea, black sea,
  red sea, caspian sea, persian gulf, gulf of mexico, siberia, manchuria, indochina, arabia, palestine, kashmir,
  sahara, patagonia, polynesia, micronesia, melanesia, new england, the west, midwest, alaska, hawaii, greenland,
  lapland, flanders, bavaria, normandy, cape horn, the balkans
`;

const US_STATES = `
  alabama, arizona, arkansas, california, colorado, connecticut, delaware, florida, idaho, illinois, indiana, iowa,
  kansas, kentucky, louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana,
  nebraska, nevada, new hampshire, new jersey, new mexico, new york, north carolina, north dakota, ohio, oklahoma,
  oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas, utah, vermont, virginia,
  west virginia, wisconsin, wyoming
`;

const CITIES = `
  amsterdam, athens, baghdad, bangkok, barcelona, beijing, peking, peiping, beirut, berlin, bombay, mumbai, boston,
  brussels, budapest, buenos aires, cairo, calcutta, kolkata, canton, chicago, chungking, chongqing, constantinople,
  copenhagen, damascus, delhi, new delhi, dublin, edinburgh, florence, frankfurt, geneva, hamburg, hanoi, havana,
  helsinki, hiroshima, hong kong, istanbul, jakarta, jerusalem, kabul, karachi, kiev, kyiv, leningrad, lisbon,
  london, los angeles, madrid, manila, marseille, mecca, melbourne, mexico city, milan, montreal, moscow, munich,
  nagasaki, nanking, naples, new orleans, new york city, oslo, ottawa, paris, philadelphia, prague, quebec, rio de janeiro,
  rome, saigon, san francisco, santiago, seoul, shanghai, singapore, st. petersburg, stalingrad, stockholm, sydney,
  teheran, tehran, tokyo, toronto, venice, vienna, warsaw, washington, yalta, canterbury, cologne, carthage, tyre,
  jerusalem, babylon, sparta, troy
`;

/**
 * Political and military groups named as a whole ("the Nazis", "the Axis"), and organisations
 * best known by a short name a tagger cannot type ("CERN", "DEC").
 */
const GROUPS = `
  nazis, nazi party, fascists, communists, bolsheviks, axis, axis powers, allies, allied powers, central powers,
  confederacy, wehrmacht, luftwaffe, kremlin, politburo, vatican,
  cern, nasa, nato, unesco, unicef, opec, fbi, cia, nsa, darpa, arpa, mit, ibm, dec, hp, at&t, ansi, ecma, ietf, w3c,
  microsoft, google, apple, intel, oracle, sun microsystems, xerox, bell labs, red hat
`;

export const GAZETTEER_PLACES: ReadonlySet<string> = new Set([...set(COUNTRIES), ...set(REGIONS), ...set(US_STATES), ...set(CITIES)]);
export const GAZETTEER_GROUPS: ReadonlySet<string> = set(GROUPS);

/** Longest gazetteer entry, in words: the window the multi-word matcher tries. */
export const GAZETTEER_MAX_WORDS = 4;

/** Kind of a name (any case) the gazetteer knows, or undefined. */
export function gazetteerKind(name: string): 'place' | 'organization' | undefined {
  const n = name.toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
  if (GAZETTEER_PLACES.has(n)) return 'place';
  if (GAZETTEER_GROUPS.has(n)) return 'organization';
  return undefined;
}
