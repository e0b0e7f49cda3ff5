import { type SwapPair, swapRules } from "@ringtrail/core/swap-rules";

type Rules = ReturnType<typeof swapRules>;

/**
 * swapRules parses every number with libphonenumber (~10 µs each, four forms a number), and
 * the same few pool numbers come back visit after visit: the rules are memoised by the
 * numbers they are built from.
 */
export function createSwapRulesCache(
  maxEntries = 20_000,
): (swaps: SwapPair[], previous: SwapPair[]) => Rules {
  const cache = new Map<string, Rules>();
  return (swaps, previous) => {
    const key = [...swaps, ...previous.map((p) => ({ ...p, target: `<${p.target}` }))]
      .map((s) => `${s.target}>${s.number}`)
      .join("|");
    let rules = cache.get(key);
    if (!rules) {
      rules = swapRules(swaps, previous);
      if (cache.size >= maxEntries) cache.clear();
      cache.set(key, rules);
    }
    return rules;
  };
}
