import { describe, expect, test, vi } from "vitest";
import {
  ASSIGNED,
  boot,
  fetchMock,
  flush,
  href,
  network,
  observers,
  SITE,
  sent,
  text,
  usePage,
  w,
} from "./testing/page";
import { withRules } from "./testing/server-rules";

usePage();

describe("first visit", () => {
  test("posts the visit, swaps text and links, stores the visitor and the assignment", async () => {
    document.cookie = "_ga=GA1.1.123.456;path=/";
    boot();
    expect(text()).toBe("Call (800) 555-1234");
    await flush();
    expect(text()).toBe("Call (415) 555-0123");
    expect(href()).toBe("tel:+14155550123");
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("https://rt.example/v1/visits");
    expect(init).toMatchObject({ method: "POST" });
    expect(init.credentials).toBeUndefined();
    expect(JSON.parse(init.body)).toEqual({
      site: SITE,
      visitor: null,
      url: location.href,
      referrer: "",
      ga_client_id: "GA1.1.123.456",
      viewport: [innerWidth, innerHeight],
      consentless: false,
    });
    expect(document.cookie).toContain("_rt_vid=vis_1");
    expect(JSON.parse(localStorage.getItem(SITE)!)).toMatchObject({
      visitor: "vis_1",
      session: "ses_1",
      exp: expect.any(Number),
    });
    expect(w.ringtrail!("number", "+18005551234")).toBe("+14155550123");
    expect(w.ringtrail!("number", "+18005550000")).toBeNull();
  });

  test("a data-api host gets credentials and sets the cookie itself", async () => {
    boot({ api: "https://calls.example.com" });
    await flush();
    expect(fetchMock.mock.calls[0]![0]).toBe("https://calls.example.com/v1/visits");
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ credentials: "include" });
    expect(document.cookie).not.toContain("_rt_vid");
    expect(JSON.parse(localStorage.getItem(SITE)!).visitor).toBe("vis_1");
  });

  test("content added later is swapped, without reacting to our own writes", async () => {
    boot();
    await flush();
    const p = document.createElement("p");
    p.innerHTML = "Or <b>800</b>-555-1234";
    document.body.append(p);
    await flush();
    expect(p.textContent).toBe("Or 415-555-0123");
    expect(observers[0]!.takeRecords()).toEqual([]);
  });

  test("data-hide hides marked numbers until the swap", async () => {
    boot({ hide: "200" }, '<span data-rt-swap="">800-555-1234</span>');
    const hidden = () =>
      [...document.querySelectorAll("style")].some((s) =>
        s.textContent!.includes("[data-rt-swap]"),
      );
    expect(hidden()).toBe(true);
    await flush();
    expect(hidden()).toBe(false);
    expect(document.querySelector("span")!.textContent).toBe("(415) 555-0123");
  });

  test("data-hide gives up after its timeout when the network does not answer", () => {
    fetchMock.mockImplementation(() => new Promise(() => {}));
    boot({ hide: "200" });
    expect(document.querySelectorAll("style")).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(document.querySelectorAll("style")).toHaveLength(0);
  });
});

describe("later pages", () => {
  test("a stored assignment swaps synchronously with no request first, then refreshes", async () => {
    localStorage.setItem(SITE, JSON.stringify({ ...ASSIGNED, exp: Date.now() + 60_000 }));
    let textAtFirstFetch = "";
    fetchMock.mockImplementation(async () => {
      textAtFirstFetch ||= text()!;
      return {
        // The server maps the number its earlier assignment put on the page to the new one.
        json: async () =>
          withRules(
            { ...ASSIGNED, swaps: [{ ...ASSIGNED.swaps[0]!, number: "+14155550999" }] },
            ASSIGNED.swaps,
          ),
      };
    });
    boot();
    expect(text()).toBe("Call (415) 555-0123");
    expect(textAtFirstFetch).toBe("Call (415) 555-0123");
    expect(sent("/v1/visits")[0]).toMatchObject({ visitor: "vis_1", session: "ses_1" });
    await flush();
    // The refreshed assignment replaces the number the cache put there.
    expect(text()).toBe("Call (415) 555-0999");
    expect(href()).toBe("tel:+14155550999");
  });

  test("a stored assignment alone neither extends its expiry nor starts heartbeats", () => {
    const exp = Date.now() + 60_000;
    localStorage.setItem(SITE, JSON.stringify({ ...ASSIGNED, exp }));
    fetchMock.mockImplementation(() => new Promise(() => {}));
    boot();
    expect(text()).toBe("Call (415) 555-0123");
    vi.advanceTimersByTime(90_000);
    expect(sent("/beats")).toEqual([]);
    expect(JSON.parse(localStorage.getItem(SITE)!).exp).toBe(exp);
  });

  test("an expired or other site's assignment is not used", () => {
    fetchMock.mockImplementation(() => new Promise(() => {}));
    localStorage.setItem(SITE, JSON.stringify({ ...ASSIGNED, exp: Date.now() - 1 }));
    boot();
    expect(text()).toBe("Call (800) 555-1234");
    localStorage.setItem("pk_other", JSON.stringify({ ...ASSIGNED, exp: Date.now() + 60_000 }));
    delete w.ringtrail;
    boot();
    expect(text()).toBe("Call (800) 555-1234");
  });
});

describe("beats", () => {
  test("heartbeats while visible; the first carries swap_ms; a tel: click beats at once", async () => {
    const mark = vi.spyOn(performance, "mark");
    boot();
    await flush();
    expect(mark.mock.calls.map((c) => c[0])).toEqual(["rt:start", "rt:swapped"]);
    vi.advanceTimersByTime(30_000);
    const [first] = sent("/v1/visits/ses_1/beats");
    expect(first).toEqual({ swap_ms: expect.any(Number) });
    const link = document.querySelector("a")!;
    link.addEventListener("click", (e) => e.preventDefault());
    link.click();
    const beats = sent("/v1/visits/ses_1/beats");
    expect(beats).toHaveLength(2);
    expect(beats[1]).toEqual({
      // Sent at once: the server stamps the time. swap_ms went with the first beat.
      events: [{ type: "tel_click", number: "tel:+14155550123" }],
      swap_ms: null,
    });
    Object.defineProperty(document, "hidden", { value: true, configurable: true });
    vi.advanceTimersByTime(90_000);
    expect(sent("/beats")).toHaveLength(2);
    delete (document as { hidden?: boolean }).hidden;
  });

  test('a beat answered {"renew":true} asks for numbers again', async () => {
    network(ASSIGNED, { renew: true }, ASSIGNED);
    boot();
    await flush();
    vi.advanceTimersByTime(30_000);
    await flush();
    expect(sent("/v1/visits")).toHaveLength(2);
    expect(sent("/v1/visits")[1]).toMatchObject({ session: "ses_1" });
  });

  test("pagehide sends the last beat with sendBeacon", async () => {
    const beacon = vi.fn(() => true);
    vi.stubGlobal("navigator", Object.assign(Object.create(navigator), { sendBeacon: beacon }));
    boot();
    await flush();
    window.dispatchEvent(new Event("pagehide"));
    expect(beacon).toHaveBeenCalledWith(
      "https://rt.example/v1/visits/ses_1/beats",
      expect.stringContaining("swap_ms"),
    );
  });
});

describe("single-page apps", () => {
  test("pushState, replaceState and popstate to a new URL post a page view in the session", async () => {
    boot();
    await flush();
    history.pushState({}, "", "/pricing?utm_source=x");
    history.replaceState({}, "", "/pricing?utm_source=x");
    history.replaceState({}, "", "/pricing?utm_source=x#faq");
    await flush();
    expect(sent("/v1/visits")).toHaveLength(2);
    expect(sent("/v1/visits")[1]).toMatchObject({
      session: "ses_1",
      visitor: "vis_1",
      url: `${location.origin}/pricing?utm_source=x`,
    });
    history.back();
    window.dispatchEvent(new PopStateEvent("popstate"));
    expect(fetchMock.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
