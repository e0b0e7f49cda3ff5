import { describe, expect, it } from "vitest";
import type { Channel } from "../visit";
import { firstTouch, lastTouch, linear, positionBased, timeDecay } from "./rules";
import { buildJourney, type Touch } from "./touch";

const DAY = 24 * 60 * 60 * 1000;
const T = Date.UTC(2025, 5, 30);

function touch(daysBefore: number, channel: Channel = "direct", id = `ses_${daysBefore}`): Touch {
  return {
    sessionId: id,
    at: T - daysBefore * DAY,
    channel,
    source: null,
    campaign: null,
    landingPath: null,
  };
}

const journey = (...daysBefore: number[]) => daysBefore.map((d) => touch(d));

describe("rule models", () => {
  it("first and last put everything on one end", () => {
    expect(firstTouch(journey(9, 5, 1))).toEqual([1, 0, 0]);
    expect(lastTouch(journey(9, 5, 1))).toEqual([0, 0, 1]);
    expect(firstTouch(journey(3))).toEqual([1]);
    expect(lastTouch([])).toEqual([]);
  });

  it("linear splits evenly", () => {
    expect(linear(journey(4, 3, 2, 1))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it("time decay halves the weight per half-life before the last touch", () => {
    // 2^-(14/7) : 2^-(7/7) : 2^0 = 1/4 : 1/2 : 1, over 7/4 -> 1/7, 2/7, 4/7.
    const w = timeDecay(journey(14, 7, 0));
    expect(w[0]).toBeCloseTo(1 / 7, 12);
    expect(w[1]).toBeCloseTo(2 / 7, 12);
    expect(w[2]).toBeCloseTo(4 / 7, 12);
    // 28, 14, 7, 0 days: 1/16, 1/4, 1/2, 1 over 29/16 -> 1/29, 4/29, 8/29, 16/29.
    const four = timeDecay(journey(28, 14, 7, 0));
    expect(four.map((x) => x * 29)).toEqual([1, 4, 8, 16].map((x) => expect.closeTo(x, 10)));
    // A one-day half-life: 1 day apart -> 1/3, 2/3; equal times -> equal shares.
    expect(timeDecay(journey(2, 1), DAY)[1]).toBeCloseTo(2 / 3, 12);
    expect(timeDecay(journey(5, 5))).toEqual([0.5, 0.5]);
    expect(() => timeDecay(journey(1), 0)).toThrow(RangeError);
  });

  it("position gives 40/20/40, with 1 and 2 touches as special cases", () => {
    expect(positionBased(journey(1))).toEqual([1]);
    expect(positionBased(journey(2, 1))).toEqual([0.5, 0.5]);
    expect(positionBased(journey(3, 2, 1))).toEqual([0.4, expect.closeTo(0.2, 12), 0.4]);
    const five = positionBased(journey(5, 4, 3, 2, 1));
    expect(five).toEqual([0.4, ...[1, 2, 3].map(() => expect.closeTo(0.2 / 3, 12)), 0.4]);
    expect(positionBased([])).toEqual([]);
  });

  it("every rule model sums to 1", () => {
    const j = journey(20, 13, 8, 8, 2, 0);
    for (const w of [firstTouch(j), lastTouch(j), linear(j), timeDecay(j), positionBased(j)]) {
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe("buildJourney", () => {
  it("keeps the lookback before the conversion, oldest first", () => {
    const touches = [touch(2, "email"), touch(31, "display"), touch(30, "paid_search"), touch(-1)];
    expect(buildJourney(touches, T).map((t) => t.channel)).toEqual(["paid_search", "email"]);
    expect(buildJourney(touches, T, 7 * DAY).map((t) => t.channel)).toEqual(["email"]);
  });
});
