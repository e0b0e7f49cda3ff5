/** What to find on the page: printed digits → [digits to write, text for `data-rt-swap`]. */
export type Rules = Record<string, [to: string, display?: string]>;

/** Never touched: opt-outs, form fields, code, and structured data that keeps the canonical number. */
const SKIP = "[data-rt-skip],[itemprop=telephone],script,style,noscript,textarea,input";
/** Links to a phone number; also what a click is reported for. */
export const TEL = '[href^="tel:" i]';
const digits = (s: string) => s.replace(/\D/g, "");

/**
 * Swaps every number of `rules` under `root`: text, `tel:` links and `data-rt-swap` elements,
 * outside the subtrees in SKIP. Returns how many text nodes and attributes it changed.
 *
 * `re` (built by the server from the keys of `rules`) finds a number: its digits with up to
 * three separators between any two, not preceded or followed by another digit. Only digits change, so the page's format and prefix stay; a
 * longer new number puts its extra digits after the last one. The text nodes are read as one
 * string joined by \0, a separator, so a number split across elements, `<b>(800)</b>
 * 555-0100`, matches like any other and each digit goes back to the node it came from.
 */
export const swapIn = (root: ParentNode, rules: Rules, re: RegExp): number => {
  let n = 0;
  const nodes: Text[] = [];
  const swap = (text: string) =>
    text.replace(re, (_, pre: string, num: string) => {
      const d = digits(num);
      const to = rules[d]![0];
      let k = 0;
      return pre + num.replace(/\d/g, () => to.slice(k, ++k < d.length ? k : 99));
    });
  // Marked elements first: their text is read before it is swapped digit by digit.
  root.querySelectorAll(`${TEL},[data-rt-swap]`).forEach((e) => {
    if (!e.closest(SKIP)) {
      const href = e.getAttribute("href") || "";
      const to = swap(href);
      const mark = e.getAttribute("data-rt-swap");
      const r = mark != null && rules[digits(mark || e.textContent!)];
      if (to !== href) {
        e.setAttribute("href", to);
        n++;
      }
      if (r && r[1] && e.textContent !== r[1]) {
        e.textContent = r[1];
        n++;
      }
    }
  });
  // The filter collects the text nodes and rejects them all, so one nextNode() walks the tree.
  document
    .createTreeWalker(root, 4, (t) => {
      (t.parentNode as Element).closest(SKIP) || nodes.push(t as Text);
      return 2;
    })
    .nextNode();
  const out = swap(nodes.map((t) => t.data).join("\0")).split("\0");
  nodes.forEach((t, i) => {
    if (out[i] !== t.data) {
      t.data = out[i]!;
      n++;
    }
  });
  return n;
};
