/**
 * Places a figure can be about. A figure about China never checks against the same metric for
 * the US, so names, adjectives and abbreviations of a place all map to one entity term
 * ("@china" for "China", "Chinese", "PRC", "Beijing" as the seat of its government).
 */

const GAZETTEER: Record<string, string[]> = {
  china: ['china', 'chinese', 'prc', 'beijing', 'mainland china', "people's republic"],
  us: ['us', 'u.s.', 'u.s', 'usa', 'united states', 'america', 'american', 'americans', 'washington'],
  europe: ['europe', 'european', 'europeans', 'eu'],
  uk: ['uk', 'u.k.', 'britain', 'british', 'united kingdom', 'england', 'english'],
  japan: ['japan', 'japanese', 'tokyo'],
  india: ['india', 'indian', 'new delhi'],
  korea: ['korea', 'korean', 'south korea', 'seoul'],
  germany: ['germany', 'german', 'berlin'],
  france: ['france', 'french', 'paris'],
  switzerland: ['switzerland', 'swiss', 'basel', 'zurich'],
  taiwan: ['taiwan', 'taiwanese', 'taipei'],
  singapore: ['singapore', 'singaporean'],
  canada: ['canada', 'canadian'],
  australia: ['australia', 'australian'],
  russia: ['russia', 'russian', 'moscow'],
  brazil: ['brazil', 'brazilian'],
  israel: ['israel', 'israeli'],
  'hong kong': ['hong kong', 'hk', 'hongkong'],
  shanghai: ['shanghai'],
  shenzhen: ['shenzhen'],
  suzhou: ['suzhou'],
  chongqing: ['chongqing'],
  hangzhou: ['hangzhou'],
  wuhan: ['wuhan'],
  chengdu: ['chengdu'],
  guangzhou: ['guangzhou'],
  nanjing: ['nanjing'],
  tianjin: ['tianjin'],
  hefei: ['hefei'],
  xiamen: ['xiamen'],
  qingdao: ['qingdao'],
  "xi'an": ["xi'an", 'xian'],
  jiangsu: ['jiangsu'],
  zhejiang: ['zhejiang'],
  guangdong: ['guangdong'],
  hainan: ['hainan'],
  zhangjiang: ['zhangjiang'],
  boston: ['boston', 'cambridge'],
  'san francisco': ['san francisco', 'bay area', 'silicon valley'],
  'san diego': ['san diego'],
  london: ['london'],
  'new york': ['new york'],
};

const LOOKUP: ReadonlyMap<string, string> = new Map(
  Object.entries(GAZETTEER).flatMap(([entity, names]) => names.map((name) => [name, '@' + entity] as const)),
);

/** The entity term ("@china") a lowercase word or two-word name stands for, or ''. */
export function entityOf(lower: string): string {
  return LOOKUP.get(lower) ?? '';
}

/** True for entity terms as produced by `entityOf`. */
export function isEntity(term: string): boolean {
  return term.startsWith('@');
}
