/** What to find on the page: printed digits → [digits to write, text for `data-rt-swap`]. */
export type Rules = Record<string, [to: string, display?: string]>;

/** Never touched: opt-outs, form fields, code, and structured data that keeps the canonical number. */
const SKIP = "[data-rt-skip],[itemprop=telephone],script,style,noscript,textarea,input";
/** Digits with the separators numbers are printed with; \0 joins the text nodes of a scan. */
const RUN = /\d[\d\s().+/\0-]*\d/g;

/** Only the digits of `s`. */
export const digits = (s: string): string => s.replace(/\D/g, "");

/**
 * Adds to `rules` the ways the page may print E.164 `from` (with or without its country code
 * and a trunk 0: 442079460018, 4402079460018, 02079460018, 2079460018), each mapped to `to`
 * printed the same way. E.164 does not say how long a country code is, so every split of one
 * to three digits is tried.
 */
export const addRules = (from: string, to: string, display: string | undefined, rules: Rules) => {
  from = digits(from);
  to = digits(to);
  for (let c = 1; c < 4; c++) {
    const a = from.slice(c);
    const b = to.slice(c);
    if (a.length > 5)
      for (const p of ["", "0"]) {
        rules[p + a] = [p + b, display];
        rules[from.slice(0, c) + p + a] = [to.slice(0, c) + p + b, display];
      }
  }
};

/**
 * `text` with every number of `rules` replaced digit by digit, so separators, grouping and
 * prefix stay as printed. A run of digit groups is tried group by group (`Suite 200
 * 800-555-0100` still yields its number; at most six groups, which keeps long lists linear).
 * A longer new number puts its extra digits after the last one.
 */
const swapText = (text: string, rules: Rules): string => {
  const out = text.split("");
  text.replace(RUN, (run, at: number) => {
    const groups: [at: number, digits: string][] = [];
    run.replace(/\d+/g, (g, o: number) => `${groups.push([at + o, g])}`);
    for (let i = 0; i < groups.length; i++)
      for (let j = i + 6; j > i; j--) {
        const part = groups.slice(i, j);
        const found = part.map((g) => g[1]).join("");
        const r = rules[found];
        if (r) {
          let k = 0;
          for (const [p, g] of part)
            for (let q = 0; q < g.length; ) out[p + q++] = r[0].slice(k, ++k < found.length ? k : 99);
          i = j - 1;
          j = 0;
        }
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
    const r = mark != null && rules[digits(mark || `${e.textContent}`)];
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
