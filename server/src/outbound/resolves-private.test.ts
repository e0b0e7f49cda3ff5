import { describe, expect, it } from "vitest";
import { type Resolve, resolvesPrivate } from "./resolves-private";

/** A stand-in for DNS (an outside system): each name resolves to the addresses listed. */
const dns =
  (table: Record<string, string[]>): Resolve =>
  async (host) => {
    const found = table[host];
    if (!found)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return found.map((address) => ({ address }));
  };

describe("resolvesPrivate", () => {
  const table = dns({
    "crm.example.com": ["93.184.216.34"],
    "rebound.example.com": ["93.184.216.34", "10.0.0.5"],
    "v6.example.com": ["fd12::1"],
  });

  it("refuses a public name that resolves (even partly) to a private address", async () => {
    expect(await resolvesPrivate("rebound.example.com", 1000, table)).toBe(true);
    expect(await resolvesPrivate("v6.example.com", 1000, table)).toBe(true);
    expect(await resolvesPrivate("crm.example.com", 1000, table)).toBe(false);
  });

  it("refuses literals without asking DNS, and lets unresolvable names fail on their own", async () => {
    expect(await resolvesPrivate("169.254.169.254", 1000, table)).toBe(true);
    expect(await resolvesPrivate("[::1]", 1000, table)).toBe(true);
    expect(await resolvesPrivate("nowhere.example.com", 1000, table)).toBe(false);
  });

  it("does not wait past its budget for a slow resolver", async () => {
    const slow: Resolve = () => new Promise(() => {});
    // A resolver that never answers would hang this test past vitest's timeout.
    expect(await resolvesPrivate("slow.example.com", 50, slow)).toBe(false);
  });
});
