/**
 * What to find on the page: printed digits → [digits to write, text for `data-rt-swap`]. Entry
 * `k` of the digits to write replaces printed digit `k`: a string, or from the server a list
 * whose last entry carries the extra digits of a longer number.
 */
export type Rules = Record<string, [to: string | string[], display?: string]>;

/**
 * The server's rules: `match`; `re`, the source of the RegExp that finds its keys; and `skip`,
 * the selector of subtrees never touched (opt-outs, form fields, code, and structured data that
 * keeps the canonical number).
 */
export interface SwapRules {
  match: Rules;
  re: string;
  skip: string;
}
/** Links to a phone number; also what a click is reported for. */
export const TEL = '[href^="tel:" i]';
const digits = (s: string) => s.replace(/\D/g, "");

/**
 * Swaps every number of `rules` under `root`: text, `tel:` links and `data-rt-swap` elements,
 * outside the subtrees `skip` selects. Returns how many text nodes and attributes it changed.
 *
 * `re` (built by the server from the keys of `match`; compiled per call, which the engine's
 * RegExp cache makes cheap) finds a number: its digits with up to
 * three separators between any two, not preceded or followed by another digit. Only digits
 * change, so the page's format and prefix stay; a longer new number puts its extra digits after
 * the last one (the server sends it as a list, so this needs no length arithmetic), a shorter
 * one leaves out the printed digits it lacks. The `href` of each `tel:` link and the text nodes are read as one string joined
 * by \0, a separator, so a number split across elements, `<b>(800)</b> 555-0100`, matches like
 * any other and each digit goes back to the node it came from (`nodeValue` reads and writes
 * both a Text and an Attr).
 */
export const swapIn = (root: ParentNode, { match: rules, re, skip }: SwapRules): number => {
  let n = 0;
  const nodes: Node[] = [];
  // Marked elements first: their text is read before it is swapped digit by digit.
  root.querySelectorAll<HTMLElement>("[data-rt-swap]").forEach((e) => {
    const r = !e.closest(skip) && rules[digits(e.dataset.rtSwap || e.textContent!)];
    if (r && e.textContent != r[1]) {
      e.textContent = r[1]!;
      n++;
    }
  });
  // A link's href joins the text nodes.
  root
    .querySelectorAll(TEL)
    // `attributes.href` is the Attr node (NamedNodeMap's named properties), as getAttributeNode.
    .forEach(
      (e) => e.closest(skip) || nodes.push((e.attributes as NamedNodeMap & { href: Attr }).href),
    );
  // The filter collects the text nodes and rejects them all, so one nextNode() walks the tree.
  document
    .createTreeWalker(root, 4, (t) => {
      (t.parentNode as Element).closest(skip) || nodes.push(t);
      return 2;
    })
    .nextNode();
  const out = nodes
    .map((t) => t.nodeValue)
    .join("\0")
    // The match may start with the non-digit before the number; only digits are replaced, so
    // it stays, and the match's digits are the number's.
    .replace(RegExp(re, "g"), (num) => {
      const to = rules[digits(num)]![0];
      let k = 0;
      // `|| ""`: a shorter number (and an assignment cached by an older script, where a longer
      // one was a plain string) writes nothing past its end rather than "undefined".
      return num.replace(/\d/g, () => to[k++] || "");
    })
    .split("\0");
  nodes.forEach((t, i) => {
    if (out[i] != t.nodeValue) {
      t.nodeValue = out[i]!;
      n++;
    }
  });
  return n;
};
