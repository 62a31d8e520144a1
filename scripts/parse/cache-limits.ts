/**
 * How many entries the parser's caches of pure functions of names (agency level, id, pinyin,
 * region prefix …) keep before they are emptied. The caches pay off because an agency reports
 * every year; they are bounded so that the parser's memory does not grow with the corpus
 * (bench:parse prints the heap after full GCs every 2,000 reports to show it).
 */
export const NAME_CACHE_LIMIT = 2_000;
