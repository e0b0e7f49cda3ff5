import { describe, expect, it } from "vitest";
import { errorsOf, mustValidate, sampleDoc, withSteps } from "./test-fixtures";
import { neededSources } from "./validate";

describe("validateFlow", () => {
  it("accepts the sample flow and normalises defaults", () => {
    const flow = mustValidate(sampleDoc());
    expect(flow.start).toBe("blocked");
    expect(flow.defaultTarget).toEqual({
      numbers: ["+14155550100"],
      callerId: "+14155550199",
      timeoutS: 30,
    });
    expect(flow.steps.sales?.action).toEqual({
      type: "dial",
      to: { kind: "numbers", numbers: ["+14155550102", "+14155550103"] },
      mode: "sequential",
      timeoutS: 30,
      record: false,
    });
    expect(flow.sources.vip_list).toEqual({ type: "table", name: "vip", key: "caller_number" });
  });

  it("refuses matches(): a regular expression over caller data could stall routing", () => {
    const doc = withSteps({
      a: { when: "geo.region.matches('^US-(CA|NY)$')", hangup: {} },
    });
    expect(errorsOf(doc)).toEqual([
      {
        path: "steps.a.when",
        message:
          "matches() is not allowed (a regular expression can stall routing): use startsWith, endsWith or contains",
      },
    ]);
  });

  it("reads the clock's zone and holidays, and refuses bad ones precisely", () => {
    const good = sampleDoc();
    (good.sources as Record<string, unknown>).clock = {
      type: "clock",
      time_zone: "America/New_York",
      holidays: ["2026-12-25"],
    };
    expect(mustValidate(good).sources.clock).toEqual({
      type: "clock",
      timeZone: "America/New_York",
      holidays: ["2026-12-25"],
    });
    const bad = sampleDoc();
    (bad.sources as Record<string, unknown>).clock = {
      type: "clock",
      time_zone: "Mars/Olympus",
      holidays: ["Dec 25"],
    };
    expect(errorsOf(bad)).toEqual([
      { path: "sources.clock.time_zone", message: 'unknown time zone "Mars/Olympus"' },
      { path: "sources.clock.holidays", message: "must be a list of dates like 2026-12-25" },
    ]);
  });

  it("refuses a document that is not an object", () => {
    expect(errorsOf([])).toEqual([{ path: "$", message: "must be an object" }]);
  });

  it("requires version 1, a start and a default target", () => {
    const { version: _v, default_target: _d, start: _s, ...rest } = sampleDoc();
    expect(errorsOf(rest)).toEqual([
      { path: "version", message: "must be 1" },
      { path: "start", message: "is required" },
      { path: "default_target", message: "is required: the safe fallback when anything fails" },
    ]);
  });

  it("reports schema errors with JSON paths", () => {
    const doc = withSteps({
      a: {
        dial: { to: ["555-0100"], mode: "round_robin", timeout_s: 500, colour: "red" },
        next: "b",
      },
      b: { say: { text: "" }, play: { url: "https://x.example/a.mp3" } },
    });
    expect(errorsOf(doc)).toEqual([
      { path: "steps.a.dial.colour", message: 'unknown field "colour"' },
      { path: "steps.a.dial.to[0]", message: "must be an E.164 number like +14155550100" },
      { path: "steps.a.dial.mode", message: 'must be one of "simultaneous", "sequential"' },
      { path: "steps.a.dial.timeout_s", message: "must be an integer from 5 to 120" },
      {
        path: "steps.b",
        message:
          "must have exactly one action (dial, route_on_duty, menu, say, play, voicemail, set, webhook, hangup), found 2",
      },
    ]);
  });

  it("refuses http sources off the allow-list, over the timeout cap or without a fallback", () => {
    const doc = sampleDoc();
    doc.sources = {
      crm: { type: "http", url: "https://evil.example.com/x", fallback: null },
      plain: { type: "http", url: "http://crm.example.com/x", fallback: null },
      slow: { type: "http", url: "https://crm.example.com/x", timeout_ms: 10_000 },
      host: { type: "http", url: "https://{caller_number}.crm.example.com/", fallback: null },
      odd: { type: "http", url: "https://crm.example.com/?t={secret}", fallback: null },
    };
    expect(errorsOf(doc)).toContainEqual({
      path: "sources.host.url",
      message: "must be an https URL",
    });
    expect(errorsOf(doc)).toContainEqual({
      path: "sources.odd.url",
      message: "unknown placeholder {secret}; use {caller_number} or {called_number}",
    });
    expect(errorsOf(doc)).toContainEqual({
      path: "sources.crm.url",
      message: "host https://evil.example.com is not on the account's allow-list",
    });
    expect(errorsOf(doc)).toContainEqual({
      path: "sources.plain.url",
      message: "must be an https URL",
    });
    expect(errorsOf(doc)).toContainEqual({
      path: "sources.slow.timeout_ms",
      message: "must be an integer from 50 to 3000",
    });
    expect(errorsOf(doc)).toContainEqual({
      path: "sources.slow.fallback",
      message: "is required so a failing request still routes",
    });
  });

  it("reports CEL compile errors at the faulty step's when", () => {
    const doc = withSteps({
      vip: { when: "caller.vip &&", dial: { to: ["+14155550101"] }, next: "end" },
      end: { when: "billing.overdue", hangup: {}, next: "count" },
      count: { when: "1 + 2", hangup: {} },
    });
    const errors = errorsOf(doc);
    expect(errors.map((e) => e.path)).toEqual([
      "steps.vip.when",
      "steps.end.when",
      "steps.count.when",
    ]);
    expect(errors[0]?.message).toMatch(/Unexpected token/);
    expect(errors[1]?.message).toBe("Unknown variable: billing");
    expect(errors[2]?.message).toBe("condition must be a bool, not int");
  });

  it("reports unknown step references", () => {
    const doc = withSteps({
      menu: { menu: { prompt: "Hi", digits: { "1": "sales", "9": "nowhere" }, no_input: "gone" } },
      sales: { hangup: {}, next: "missing" },
    });
    expect(errorsOf(doc)).toEqual([
      { path: "steps.menu.menu.digits.9", message: 'unknown step "nowhere"' },
      { path: "steps.menu.menu.no_input", message: 'unknown step "gone"' },
      { path: "steps.sales.next", message: 'unknown step "missing"' },
    ]);
  });

  it("reports cycles with their path", () => {
    const doc = withSteps({
      a: { say: { text: "a" }, next: "b" },
      b: { when: "caller.vip", say: { text: "b" }, next: "c" },
      c: { set: { tags: { x: "y" } }, next: "a" },
    });
    expect(errorsOf(doc)).toEqual([{ path: "steps.c.next", message: "cycle: a -> b -> c -> a" }]);
  });

  it("allows a menu to re-prompt itself via no_input, but not via a digit", () => {
    const reprompt = withSteps({
      m: { menu: { prompt: "Press 1", digits: { "1": "x" }, no_input: "m", max_attempts: 2 } },
      x: { hangup: {} },
    });
    expect(errorsOf(reprompt)).toEqual([]);
    const viaDigit = withSteps({
      m: { menu: { prompt: "Press 1", digits: { "1": "x", "9": "m" } } },
      x: { hangup: {} },
    });
    expect(errorsOf(viaDigit)).toEqual([
      { path: "steps.m.menu.digits.9", message: "cycle: m -> m" },
    ]);
  });

  it("reports unreachable steps", () => {
    const doc = withSteps({ a: { hangup: {} }, orphan: { say: { text: "never" } } });
    expect(errorsOf(doc)).toEqual([{ path: "steps.orphan", message: "is unreachable from start" }]);
  });

  it("requires a schedule source for route_on_duty", () => {
    const doc = { ...withSteps({ a: { route_on_duty: { channel_type: "voice" } } }), sources: {} };
    expect(errorsOf(doc)).toEqual([
      { path: "steps.a.route_on_duty", message: 'needs a declared source of type "schedule"' },
    ]);
  });
});

describe("neededSources", () => {
  it("lists the sources reachable conditions and on-duty routing read", () => {
    expect(neededSources(mustValidate(sampleDoc()))).toEqual([
      "caller",
      "attribution",
      "schedule",
      "geo",
      "clock",
      "vip_list",
      "crm",
    ]);
  });

  it("skips sources only declared", () => {
    const flow = mustValidate(withSteps({ a: { when: "clock.hour < 9", say: { text: "early" } } }));
    expect(neededSources(flow)).toEqual(["clock"]);
  });

  it("needs schedule for route_on_duty without any condition", () => {
    const flow = mustValidate(withSteps({ a: { route_on_duty: { channel_type: "voice" } } }));
    expect(neededSources(flow)).toEqual(["schedule"]);
  });
});
