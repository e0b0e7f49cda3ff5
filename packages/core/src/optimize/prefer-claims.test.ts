import { describe, expect, it } from "vitest";
import type { Claim } from "../pool/types";
import type { Characteristic } from "./characteristics";
import { leaseCharacteristic } from "./characteristics";
import { preferClaims } from "./prefer-claims";

const kinds: Record<string, Characteristic> = {
  a: "local:in_region",
  b: "toll_free",
  c: "local:in_region",
  d: "toll_free",
};

describe("preferClaims", () => {
  it("moves the preferred free claims first and keeps sticky, shared and fallback in place", () => {
    const claims: Claim[] = [
      { kind: "sticky", numberId: "s" },
      { kind: "free", numberId: "a" },
      { kind: "free", numberId: "b" },
      { kind: "free", numberId: "c" },
      { kind: "free", numberId: "d" },
      { kind: "shared", numberId: "x" },
      { kind: "fallback", e164: "+18005550100" },
    ];
    const out = preferClaims(claims, "toll_free", (id) => kinds[id] ?? null);
    expect(out.map((c) => (c.kind === "fallback" ? c.e164 : c.numberId))).toEqual([
      "s",
      "b",
      "d",
      "a",
      "c",
      "x",
      "+18005550100",
    ]);
  });

  it("returns the same claims when none is free", () => {
    const claims: Claim[] = [{ kind: "shared", numberId: "x" }];
    expect(preferClaims(claims, "toll_free", () => "toll_free")).toEqual(claims);
  });
});

describe("leaseCharacteristic", () => {
  it("classes a lease as the learner does", () => {
    expect(leaseCharacteristic("toll_free", "US", "US-CO")).toBe("toll_free");
    expect(leaseCharacteristic("local", "US-CO", "US-CO")).toBe("local:in_region");
    expect(leaseCharacteristic("local", "US-NY", "US-CO")).toBe("local:out_of_region");
    expect(leaseCharacteristic("local", "US-CO", null)).toBe("local:unknown_region");
    expect(leaseCharacteristic("local", "US-CO", "US")).toBe("local:unknown_region");
  });
});
