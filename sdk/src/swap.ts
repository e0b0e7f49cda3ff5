import { digits, match, type Pair } from "./match";

/** Never touched: opt-outs, form fields, code, and structured data that keeps the canonical number. */
const SKIP = "[data-rt-skip],[itemprop=telephone],script,style,noscript,textarea,input";
/** Digits with the separators numbers are printed with, from the first digit to the last. */
const RUN = /\d[\d\s().+/-]*\d/g;

/**
 * Swaps every target number in `nodes`, read as one string with a space between nodes. A
 * number split across elements, as in `<b>(800)</b> 555-0100`, is then a run of digit groups
 * like any other, and digits of neighbouring nodes never merge into one group. Only digits
 * change, each in the text node it came from, so separators, grouping and prefix stay as the
 * page printed them. Returns how many characters changed.
 */
function swapText(nodes: Text[], pairs: Pair[]): number {
  const edits: [at: number, text: string][] = [];
  let text = "";
  const starts = nodes.map((n) => {
    const at = text.length + 1;
    text += ` ${n.data}`;
    return at;
  });
  text.replace(RUN, (run, at: number) => {
    const groups: [at: number, digits: string][] = [];
    run.replace(/\d+/g, (g, o: number) => {
      groups.push([at + o, g]);
      return g;
    });
    // Group by group, so `Suite 200 800-555-0100 (24/7)` still yields its number; printed
    // numbers have at most six groups, which keeps long lists of digits linear.
    for (let i = 0; i < groups.length; i++) {
      for (let j = Math.min(groups.length, i + 6); j > i; j--) {
        const part = groups.slice(i, j);
        const found = part.map((g) => g[1]).join("");
        const m = match(found, pairs);
        if (m) {
          let k = 0;
          for (const [p, g] of part) {
            for (let q = 0; q < g.length; q++, k++) {
              // The last digit takes any surplus when the new number is longer.
              const s = k < found.length - 1 ? m[0].charAt(k) : m[0].slice(k);
              if (s !== g[q]) edits.push([p + q, s]);
            }
          }
          i = j - 1;
          break;
        }
      }
    }
    return run;
  });
  for (const [at, s] of edits.reverse()) {
    let i = starts.length;
    while (starts[--i]! > at);
    nodes[i]!.replaceData(at - starts[i]!, 1, s);
  }
  return edits.length;
}

/** Rewrites a `tel:` link and fills a `data-rt-swap` element; returns how many changes. */
function swapElement(e: Element, pairs: Pair[]): number {
  const href = e.getAttribute("href") || "";
  const t = document.createTextNode(href);
  const marked = e.getAttribute("data-rt-swap");
  const m = marked !== null && match(digits(marked || `${e.textContent}`), pairs);
  let n = 0;
  if (/^tel:/i.test(href) && swapText([t], pairs)) {
    e.setAttribute("href", t.data);
    n++;
  }
  if (m && m[1][2] && e.textContent !== m[1][2]) {
    e.textContent = m[1][2];
    n++;
  }
  return n;
}

/**
 * Swaps every target number under `root`: text, `tel:` links and `data-rt-swap` elements,
 * skipping the subtrees in SKIP. Returns how many changes it made.
 */
export function swapIn(root: Node, pairs: Pair[]): number {
  if (!pairs.length || (root.nodeType === 1 && (root as Element).closest(SKIP))) return 0;
  let changes = root.nodeType === 1 ? swapElement(root as Element, pairs) : 0;
  const nodes: Text[] = [];
  const walk = document.createTreeWalker(root, 5, (n) =>
    n.nodeType === 1 && (n as Element).matches(SKIP) ? 2 : 1,
  );
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.nodeType === 3) nodes.push(n as Text);
    else changes += swapElement(n as Element, pairs);
  }
  return changes + swapText(nodes, pairs);
}
