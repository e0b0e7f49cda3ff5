import { describe, expect, it } from "vitest";
import type { VisitContext } from "../visit";
import { explainPoolSelection, selectPool } from "./select";
import type { PoolRules } from "./types";

const ctx: VisitContext = {
  touch: {
    channel: "paid_search",
    source: "google",
    medium: "cpc",
    campaign: "brand",
    term: null,
    content: null,
    clickIds: {},
  },
  path: "/",
  referrerDomain: "google.com",
  device: "desktop",
  country: "US",
  region: "US-NY",
  localHour: 10,
};

interface TestPool {
  id: string;
  kind: "session" | "source";
  priority: number;
  rules: PoolRules;
  label: string;
}

function pool(
  id: string,
  kind: TestPool["kind"],
  priority: number,
  rules: PoolRules = {},
): TestPool {
  return { id, kind, priority, rules, label: `label of ${id}` };
}

describe("selectPool", () => {
  it("returns null when there are no pools or none matches", () => {
    expect(selectPool([], ctx)).toBeNull();
    expect(selectPool([pool("pool_a", "session", 1, { channel: ["email"] })], ctx)).toBeNull();
  });

  it("returns the caller's own record, with its extra fields", () => {
    const chosen = selectPool([pool("pool_a", "session", 0)], ctx);
    expect(chosen?.label).toBe("label of pool_a");
  });

  it("prefers a source pool over a session pool of higher priority", () => {
    const pools = [pool("pool_session", "session", 100), pool("pool_source", "source", 1)];
    expect(selectPool(pools, ctx)?.id).toBe("pool_source");
    expect(selectPool([...pools].reverse(), ctx)?.id).toBe("pool_source");
  });

  it("prefers the higher priority number within a kind", () => {
    const pools = [pool("pool_low", "session", 1), pool("pool_high", "session", 5)];
    expect(selectPool(pools, ctx)?.id).toBe("pool_high");
    expect(selectPool([...pools].reverse(), ctx)?.id).toBe("pool_high");
  });

  it("breaks priority ties by id, whatever the input order", () => {
    const pools = [pool("pool_b", "session", 3), pool("pool_a", "session", 3)];
    expect(selectPool(pools, ctx)?.id).toBe("pool_a");
    expect(selectPool([...pools].reverse(), ctx)?.id).toBe("pool_a");
  });

  it("skips better-ranked pools whose rules fail", () => {
    const pools = [
      pool("pool_email", "source", 9, { channel: ["email"] }),
      pool("pool_west", "session", 8, { region: ["US-CA"] }),
      pool("pool_google", "session", 2, { source: ["google"] }),
      pool("pool_all", "session", 0),
    ];
    expect(selectPool(pools, ctx)?.id).toBe("pool_google");
  });
});

describe("explainPoolSelection", () => {
  it("lists every pool in evaluation order with the first failing field", () => {
    const pools = [
      pool("pool_all", "session", 0),
      pool("pool_west", "session", 8, { channel: ["paid_search"], region: ["US-CA"] }),
      pool("pool_google", "session", 2, { source: ["google"] }),
      pool("pool_email", "source", 9, { channel: ["email"] }),
    ];
    const verdicts = explainPoolSelection(pools, ctx).map((v) => ({
      id: v.pool.id,
      matched: v.matched,
      failedField: v.failedField,
      selected: v.selected,
    }));
    expect(verdicts).toEqual([
      { id: "pool_email", matched: false, failedField: "channel", selected: false },
      { id: "pool_west", matched: false, failedField: "region", selected: false },
      { id: "pool_google", matched: true, failedField: null, selected: true },
      { id: "pool_all", matched: true, failedField: null, selected: false },
    ]);
    expect(verdicts.find((v) => v.selected)?.id).toBe(selectPool(pools, ctx)?.id);
  });

  it("does not reorder the caller's array", () => {
    const pools = [pool("pool_b", "session", 0), pool("pool_a", "session", 0)];
    explainPoolSelection(pools, ctx);
    expect(pools.map((p) => p.id)).toEqual(["pool_b", "pool_a"]);
  });
});
