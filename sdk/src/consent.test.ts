import { describe, expect, test, vi } from "vitest";
import { boot, fetchMock, flush, SITE, sent, storage, text, usePage, w } from "./testing/page";

usePage();

describe("consent", () => {
  test("data-consent=wait stores and sends nothing until consent", async () => {
    boot({ consent: "wait" });
    await flush();
    vi.advanceTimersByTime(120_000);
    history.pushState({}, "", "/next");
    expect(fetchMock).not.toHaveBeenCalled();
    expect(storage()).toEqual({ cookie: "", local: {}, session: {} });
    expect(text()).toBe("Call (800) 555-1234");
    w.ringtrail!("consent", true);
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(text()).toBe("Call (415) 555-0123");
    expect(JSON.parse(localStorage.getItem(SITE)!).visitor).toBe("vis_1");
  });

  test("consent queued before the script loads applies at start", async () => {
    w.ringtrail = Object.assign(() => {}, { q: [["consent", true] as unknown as IArguments] });
    boot({ consent: "wait" });
    await flush();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(sent("/v1/visits")[0].consentless).toBe(false);
  });

  test("consentless mode swaps a page-scoped number, stores nothing, then upgrades", async () => {
    document.cookie = "_ga=GA1.1.123.456;path=/";
    const stored = JSON.stringify({ visitor: "vis_old" });
    localStorage.setItem(SITE, stored);
    boot({ consent: "consentless" });
    await flush();
    expect(text()).toBe("Call (415) 555-0123");
    expect(sent("/v1/visits")[0]).toMatchObject({
      visitor: null,
      ga_client_id: null,
      consentless: true,
    });
    expect(storage()).toEqual({
      cookie: "_ga=GA1.1.123.456",
      local: { [SITE]: stored },
      session: {},
    });
    w.ringtrail!("consent", true);
    await flush();
    const upgrade = sent("/v1/visits")[1];
    expect(upgrade).toMatchObject({
      visitor: "vis_old",
      session: "ses_1",
      ga_client_id: "GA1.1.123.456",
    });
    expect(upgrade.consentless).toBe(false);
    expect(localStorage.getItem(SITE)).toContain("ses_1");
  });

  test("Global Privacy Control with data-gpc=respect keeps the visit page-scoped", async () => {
    vi.stubGlobal(
      "navigator",
      Object.assign(Object.create(navigator), { globalPrivacyControl: true }),
    );
    boot({ gpc: "respect" });
    w.ringtrail!("consent", true);
    await flush();
    expect(sent("/v1/visits")).toHaveLength(1);
    expect(sent("/v1/visits")[0]).toMatchObject({ visitor: null, consentless: true });
    expect(localStorage.length).toBe(0);
  });

  test("Global Privacy Control with data-consent=wait sends nothing, even after consent", async () => {
    vi.stubGlobal(
      "navigator",
      Object.assign(Object.create(navigator), { globalPrivacyControl: true }),
    );
    boot({ gpc: "respect", consent: "wait" });
    w.ringtrail!("consent", true);
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(storage()).toEqual({ cookie: "", local: {}, session: {} });
  });

  test("withdrawing consent deletes the visitor id and the assignment", async () => {
    boot();
    await flush();
    expect(document.cookie).toContain("_rt_vid=vis_1");
    w.ringtrail!("consent", false);
    // happy-dom keeps a cookie deleted by max-age=0 with an empty value; browsers drop it.
    expect(storage()).toEqual({
      cookie: expect.not.stringContaining("vis_1"),
      local: {},
      session: {},
    });
    vi.advanceTimersByTime(120_000);
    expect(sent("/beats")).toEqual([]);
  });
});
