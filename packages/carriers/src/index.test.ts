import { describe, expect, it } from "vitest";
import { adapters, CARRIER_NAMES, getAdapter } from "./index";

describe("adapters", () => {
  it("has one adapter per carrier, named after it", () => {
    expect(CARRIER_NAMES).toEqual(["twilio", "telnyx", "signalwire"]);
    for (const name of CARRIER_NAMES) expect(adapters[name].name).toBe(name);
  });

  it("looks carriers up by name and refuses anything else", () => {
    expect(getAdapter("twilio")).toBe(adapters.twilio);
    expect(getAdapter("vonage")).toBeNull();
    expect(getAdapter("toString")).toBeNull();
    expect(getAdapter("__proto__")).toBeNull();
  });
});
