/** What to find on the page: printed digits → [digits to write, text for `data-rt-swap`]. */
export type Rules = Record<string, [to: string, display?: string]>;

/** Never touched: opt-outs, form fields, code, and structured data that keeps the canonical number. */
const SKIP = "[data-rt-skip],[itemprop=telephone],script,style,noscript,textarea,input";

/**
 * `text` with every number of `rules` replaced digit by digit, so separators, grouping and
 * prefix stay as printed. A run of digits and separators is read group by group, so `Suite
 * 200 800-555-0100` still yields its number; a number has at most 16 digits, which keeps long
 * runs linear. A longer new number puts its extra digits after the last one.
 */
const swapText = (text: string, rules: Rules): string => {
  const out = text.split("");
  text.replace(/\d[\d\s().+/\0-]*\d/g, (run, at: number) => {
    const g: [at: number, digits: string][] = [];
    run.replace(/\d+/g, (d, o: number) => `${g.push([at + o, d])}`);
    for (let i = 0; i < g.length; i++)
      for (let j = i, s = "", r; j < g.length && !s[16]; )
        if ((r = rules[(s += g[j++]![1])])) {
          for (let k = 0; i < j; i++)
            for (let q = 0; q < g[i]![1].length; )
              out[g[i]![0] + q++] = r[0].slice(k, ++k < s.length ? k : 99);
          i--;
          break;
        }
    return run;
  });
  return out.join("");
};

/**
 * Swaps every number of `rules` under `root`: text, `tel:` links and `data-rt-swap` elements,
 * skipping the subtrees in SKIP. The text nodes are read as one string joined by \0, so a
 * number split across elements, `<b>(800)</b> 555-0100`, is a run like any other, each digit
 * goes back to the node it came from, and digits of neighbouring nodes never merge. Returns
 * how many nodes and attributes it changed.
 */
export const swapIn = (root: Node, rules: Rules): number => {
  let n = 0;
  const nodes: Text[] = [];
  const el = (e: Element) => {
    const href = e.getAttribute("href") || "";
    const mark = e.getAttribute("data-rt-swap");
    const to = /^tel:/i.test(href) && swapText(href, rules);
    const r = mark != null && rules[(mark || `${e.textContent}`).replace(/\D/g, "")];
    if (to && to !== href) {
      e.setAttribute("href", to);
      n++;
    }
    if (r && r[1] && e.textContent !== r[1]) {
      e.textContent = r[1];
      n++;
    }
  };
  if (root.nodeType === 1) {
    if ((root as Element).closest(SKIP)) return 0;
    el(root as Element);
  }
  const walk = document.createTreeWalker(root, 5, (x) =>
    x.nodeType === 1 && (x as Element).matches(SKIP) ? 2 : 1,
  );
  for (let x: Node | null; (x = walk.nextNode()); )
    x.nodeType === 3 ? nodes.push(x as Text) : el(x as Element);
  swapText(nodes.map((t) => t.data).join("\0"), rules)
    .split("\0")
    .map((s, i) => {
      if (s !== nodes[i]!.data) {
        nodes[i]!.data = s;
        n++;
      }
    });
  return n;
};
