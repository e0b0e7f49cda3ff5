import { beforeEach, describe, expect, test } from "vitest";
import { swapIn } from "./swap";
import { serverRules } from "./testing/server-rules";

type Rules = ReturnType<typeof serverRules>;

/** `match` and `re` as the server sends them for these swaps. */
const pairs = (...swaps: [target: string, number: string, display?: string][]): Rules =>
  serverRules(swaps.map(([target, number, display]) => ({ target, number, display })));

const swapWith = (root: ParentNode, r: Rules) => swapIn(root, r);

const US = pairs(["+18005551234", "+14155550123", "(415) 555-0123"]);

/** Swaps `html` in a fresh body and returns the body's HTML. */
function swapped(html: string, p: Rules = US): string {
  document.body.innerHTML = html;
  swapWith(document, p);
  return document.body.innerHTML;
}

beforeEach(() => {
  document.body.innerHTML = "";
});

describe("format-preserving replacement", () => {
  test.each([
    ["(800) 555-1234", "(415) 555-0123"],
    ["800-555-1234", "415-555-0123"],
    ["800.555.1234", "415.555.0123"],
    ["1-800-555-1234", "1-415-555-0123"],
    ["+1 800 555 1234", "+1 415 555 0123"],
    ["+1 (800) 555-1234", "+1 (415) 555-0123"],
    ["8005551234", "4155550123"],
    ["+18005551234", "+14155550123"],
    ["800&nbsp;555&nbsp;1234", "415&nbsp;555&nbsp;0123"],
  ])("%s becomes %s", (printed, expected) => {
    expect(swapped(`<p>Call ${printed} today.</p>`)).toBe(`<p>Call ${expected} today.</p>`);
  });

  test("a number split across inline elements keeps each part in its element", () => {
    expect(swapped("<p>Call <b>(800)</b> 555-1234</p>")).toBe("<p>Call <b>(415)</b> 555-0123</p>");
    expect(swapped('<p><span class="a">800</span>-<span>555</span>-<em>12</em>34</p>')).toBe(
      '<p><span class="a">415</span>-<span>555</span>-<em>01</em>23</p>',
    );
  });

  test("digits of neighbouring elements never merge into one group", () => {
    expect(swapped("<ul><li>800-555-1234</li><li>5 stars</li></ul>")).toBe(
      "<ul><li>415-555-0123</li><li>5 stars</li></ul>",
    );
    expect(swapped("<table><tr><td>12</td><td>8005551234</td></tr></table>")).toBe(
      "<table><tbody><tr><td>12</td><td>4155550123</td></tr></tbody></table>",
    );
  });

  test("neighbouring digits in the same run do not hide a number", () => {
    expect(swapped("<p>Suite 200 800-555-1234 (24/7)</p>")).toBe(
      "<p>Suite 200 415-555-0123 (24/7)</p>",
    );
  });

  test("other numbers, longer digit strings and partial matches stay", () => {
    const html = "<p>800-555-1235, 18005551234567, order 98005551234, 555-1234</p>";
    expect(swapped(html)).toBe(html);
  });

  test("every occurrence and every target is swapped", () => {
    const two = pairs(["+18005551234", "+14155550123"], ["+18885550100", "+12125550199"]);
    expect(
      swapped("<p>Sales 800-555-1234, support 888-555-0100, sales again 8005551234</p>", two),
    ).toBe("<p>Sales 415-555-0123, support 212-555-0199, sales again 4155550123</p>");
  });

  test.each([
    ["+442079460018", "+442079460999", "+44 20 7946 0018", "+44 20 7946 0999"],
    ["+442079460018", "+442079460999", "020 7946 0018", "020 7946 0999"],
    ["+442079460018", "+442079460999", "+44 (0)20 7946 0018", "+44 (0)20 7946 0999"],
    ["+4930901820", "+4930901999", "+49 30 901820", "+49 30 901999"],
    ["+4930901820", "+4930901999", "030 901820", "030 901999"],
    ["+4930901820", "+4930901999", "030/901820", "030/901999"],
    ["+61293744000", "+61293749999", "+61 2 9374 4000", "+61 2 9374 9999"],
    ["+61293744000", "+61293749999", "(02) 9374 4000", "(02) 9374 9999"],
  ])("international %s printed as %s", (target, number, printed, expected) => {
    expect(swapped(`<p>Tel: ${printed}</p>`, pairs([target, number]))).toBe(
      `<p>Tel: ${expected}</p>`,
    );
  });

  test("a longer assigned number puts its extra digits after the last one", () => {
    const p = pairs(["+442079460018", "+4420794600189"]);
    expect(swapped("<p>020 7946 0018</p>", p)).toBe("<p>020 7946 00189</p>");
    expect(swapped("<p>020 <b>7946</b> 0018</p>", p)).toBe("<p>020 <b>7946</b> 00189</p>");
  });

  test("a shorter assigned number leaves out the printed digits it lacks", () => {
    const p = pairs(["+4930901820", "+493090189"]);
    expect(swapped("<p>030 901820</p>", p)).toBe("<p>030 90189</p>");
  });
});

describe("links and marked elements", () => {
  test("tel: links are rewritten in their own format", () => {
    expect(swapped('<a href="tel:+18005551234">Call us</a>')).toBe(
      '<a href="tel:+14155550123">Call us</a>',
    );
    expect(swapped('<a href="tel:1-800-555-1234">x</a>')).toBe(
      '<a href="tel:1-415-555-0123">x</a>',
    );
    const other = '<a href="tel:+18005559999">x</a><a href="https://example.com/8005551234">y</a>';
    expect(swapped(other)).toBe(other);
  });

  test("a data-rt-swap element gets the display text, by its text or its target", () => {
    expect(swapped('<span data-rt-swap="">1-800-555-1234</span>')).toBe(
      '<span data-rt-swap="">(415) 555-0123</span>',
    );
    expect(swapped('<span data-rt-swap="+18005551234">1-800-LILIES</span>')).toBe(
      '<span data-rt-swap="+18005551234">(415) 555-0123</span>',
    );
    expect(swapped('<span data-rt-swap="">1-800-LILIES</span>')).toBe(
      '<span data-rt-swap="">1-800-LILIES</span>',
    );
  });

  test("swapping twice changes nothing more", () => {
    document.body.innerHTML = '<p>(800) 555-1234 <a href="tel:8005551234">x</a></p>';
    expect(swapWith(document, US)).toBeGreaterThan(0);
    const once = document.body.innerHTML;
    expect(swapWith(document, US)).toBe(0);
    expect(document.body.innerHTML).toBe(once);
  });
});

describe("skip rules", () => {
  test.each([
    '<div data-rt-skip=""><p>800-555-1234 <a href="tel:8005551234">x</a></p></div>',
    "<textarea>800-555-1234</textarea>",
    '<input value="800-555-1234">',
    "<script>var n = '800-555-1234';</script>",
    "<style>.n::after{content:'800-555-1234'}</style>",
    "<noscript>800-555-1234</noscript>",
    '<span itemprop="telephone">+1 800 555 1234</span>',
    '<a itemprop="telephone" href="tel:+18005551234">+1 800 555 1234</a>',
    '<script type="application/ld+json">{"telephone":"+1-800-555-1234"}</script>',
  ])("%s is left alone", (html) => {
    expect(swapped(`${html}<p>800-555-1234</p>`)).toBe(`${html}<p>415-555-0123</p>`);
  });

  test("a root inside a skipped subtree is left alone", () => {
    document.body.innerHTML = '<div data-rt-skip=""><p>800-555-1234</p></div>';
    expect(swapWith(document.querySelector("p")!, US)).toBe(0);
  });
});
