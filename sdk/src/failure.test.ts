import { describe, expect, test, vi } from "vitest";
import { loadScript } from "./artifact";
import {
  ASSIGNED,
  boot,
  fetchMock,
  flush,
  href,
  network,
  PAGE,
  SITE,
  sent,
  text,
  usePage,
  w,
} from "./testing/page";
import { withRules } from "./testing/server-rules";

usePage();

describe("never breaks the page", () => {
  test.each([
    ["a network failure", new Error("offline")],
    ["bad JSON", "<html>"],
    ["an error body", { error: { code: "unknown_site", message: "no" } }],
    ["a response without match", { session: "ses_1", swaps: ASSIGNED.swaps }],
    ["a malformed match", { ...ASSIGNED, match: { "8005551234": null } }],
    ["a bad re", { ...ASSIGNED, re: "(" }],
    ["a non-object match", { ...ASSIGNED, match: "+14155550123" }],
  ])("%s leaves the numbers and throws nothing", async (_, body) => {
    network(body);
    const errors = vi.fn();
    window.addEventListener("unhandledrejection", errors);
    expect(() => boot()).not.toThrow();
    await flush();
    expect(text()).toBe("Call (800) 555-1234");
    expect(href()).toBe("tel:+18005551234");
    expect(errors).not.toHaveBeenCalled();
  });

  test("bot visits get no swaps and no heartbeats", async () => {
    network(withRules({ ...ASSIGNED, session: null, bot: true, swaps: [] }));
    boot();
    await flush();
    vi.advanceTimersByTime(120_000);
    expect(text()).toBe("Call (800) 555-1234");
    expect(sent("/beats")).toEqual([]);
  });

  test("blocked storage still swaps", async () => {
    // As in a browser that blocks storage: reading window.localStorage throws.
    vi.stubGlobal("localStorage", undefined);
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("blocked", "SecurityError");
      },
    });
    expect(() => boot()).not.toThrow();
    await flush();
    expect(text()).toBe("Call (415) 555-0123");
  });

  test("no fetch, a second copy, a missing site key, or a bad command do nothing", async () => {
    // The built script, as a browser runs it: its entry point catches what start() throws.
    vi.stubGlobal("fetch", undefined);
    document.body.innerHTML = PAGE;
    const tag = document.createElement("script");
    tag.src = "https://rt.example/v1/rt.js";
    tag.setAttribute("data-site", SITE);
    document.body.append(tag);
    expect(() => new Function(loadScript().code)()).not.toThrow();
    expect(text()).toBe("Call (800) 555-1234");
    delete w.ringtrail;
    network(ASSIGNED);
    boot();
    boot();
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(() => w.ringtrail!("nonsense")).not.toThrow();
    delete w.ringtrail;
    boot({ site: "" });
    expect(w.ringtrail).toBeUndefined();
  });

  test("debug logs what it did", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    boot();
    await flush();
    expect(log).not.toHaveBeenCalled();
    w.ringtrail!("debug");
    w.ringtrail!("swap");
    document.body.insertAdjacentHTML("beforeend", "<p>800-555-1234</p>");
    w.ringtrail!("swap");
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith("[ringtrail]", "swapped", 1);
  });
});
