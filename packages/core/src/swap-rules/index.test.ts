import { describe, expect, it } from "vitest";
import { SKIP, swapRules } from "./index";

const find = (re: string, text: string) => [...text.matchAll(new RegExp(re, "g"))].map((m) => m[2]);

describe("swapRules", () => {
  const us = { target: "+18005550100", number: "+14155550123", display: "(415) 555-0123" };

  it("maps every way a page prints a US number to the new number printed the same way", () => {
    const { match } = swapRules([us]);
    expect(match).toEqual({
      "8005550100": ["4155550123", "(415) 555-0123"],
      "08005550100": ["04155550123", "(415) 555-0123"],
      "18005550100": ["14155550123", "(415) 555-0123"],
      "108005550100": ["104155550123", "(415) 555-0123"],
    });
  });

  it("finds the number in every common format, and not inside longer digit runs", () => {
    const { re } = swapRules([us]);
    const page =
      "(800) 555-0100 | 800-555-0100 | 800.555.0100 | 1-800-555-0100 | +1 800 555 0100 | 8005550100 | 98005550100 | 80055501001";
    expect(find(re, page)).toEqual([
      "800) 555-0100",
      "800-555-0100",
      "800.555.0100",
      "1-800-555-0100",
      "1 800 555 0100",
      "8005550100",
    ]);
  });

  it("handles UK, German and Australian numbers with their trunk 0", () => {
    const { match, re } = swapRules([
      { target: "+442079460018", number: "+442079460999", display: "020 7946 0999" },
      { target: "+4930901820", number: "+4930901999", display: "030 901999" },
      { target: "+61293744000", number: "+61293744999", display: "(02) 9374 4999" },
    ]);
    expect(match["02079460018"]?.[0]).toBe("02079460999");
    expect(match["442079460018"]?.[0]).toBe("442079460999");
    expect(
      find(re, "Call 020 7946 0018 or +44 (0)20 7946 0018, 030 901820, (02) 9374 4000"),
    ).toEqual(["020 7946 0018", "44 (0)20 7946 0018", "030 901820", "02) 9374 4000"]);
  });

  it("moves a number a cached page still shows to the session's new one", () => {
    const old = { target: "+18005550100", number: "+12125550199", display: "(212) 555-0199" };
    const { match } = swapRules([us], [old]);
    expect(match["2125550199"]).toEqual(["4155550123", "(415) 555-0123"]);
    expect(swapRules([], [old]).match["2125550199"]).toEqual(["8005550100", "(212) 555-0199"]);
  });

  it("sends a longer number digit by digit, its extra digits with the last printed one", () => {
    const { match } = swapRules([
      { target: "+4930901820", number: "+49309018299", display: "030 9018299" },
      { target: "+4930901821", number: "+493090189", display: "030 90189" },
    ]);
    expect(match["30901820"]).toEqual([["3", "0", "9", "0", "1", "8", "2", "99"], "030 9018299"]);
    // A shorter one stays a string: the script writes nothing for the digits it lacks.
    expect(match["30901821"]).toEqual(["3090189", "030 90189"]);
  });

  it("matches nothing when there is nothing to swap", () => {
    expect(swapRules([])).toEqual({ match: {}, re: "(?!)", skip: SKIP });
  });
});
