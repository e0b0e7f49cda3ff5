/**
 * English function words that say nothing about what a message is about. Negations ("no",
 * "not", "never") are kept on purpose: "no one came" is a complaint, "one came" is not.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again am an and any are as at be been before being below between both " +
    "but by can could did do does doing down during each few for from further had has have " +
    "having he her here hers herself him himself his how i if in into is it its itself just " +
    "me more most my myself of off on once only or other our ours ourselves out over own same " +
    "she should so some such than that the their theirs them themselves then there these they " +
    "this those through to too under until up very was we were what when where which while " +
    "who whom why will with would you your yours yourself yourselves im ive id ill its hi hello " +
    "please thanks thank"
  ).split(" "),
);

/** Folds plurals and -ing/-ed so "invoices"/"invoice" and "charged"/"charge" meet. */
function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3);
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2);
  if (word.endsWith("es") && /(?:ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
    return word.slice(0, -1);
  }
  return word;
}

export interface TokenizeOptions {
  /** Add "a_b" for each pair of adjacent kept words. Default false. */
  bigrams?: boolean;
}

/**
 * Lowercase words with apostrophes dropped ("don't" -> "dont"), stop words removed and a light
 * suffix folding applied; optionally followed by bigrams of the kept words.
 *
 * @example
 * tokenize("I was charged twice!")                  // ["charg", "twice"]
 * tokenize("cancel my plan", { bigrams: true })     // ["cancel", "plan", "cancel_plan"]
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .match(/[a-z0-9]+/g);
  if (words === null) return [];
  const kept = words.filter((word) => !STOP_WORDS.has(word)).map(stem);
  if (!options.bigrams) return kept;
  const pairs: string[] = [];
  for (let i = 1; i < kept.length; i++) pairs.push(`${kept[i - 1]}_${kept[i]}`);
  return [...kept, ...pairs];
}
