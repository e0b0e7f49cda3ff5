// Test harness for the runtime: start() runs against happy-dom's one window, so each test
// removes the listeners, observers and history patches the previous one left behind.
import { afterEach, beforeEach, vi } from "vitest";
import { start } from "../rt";
import type { Ringtrail } from "../types";
import { withRules } from "./server-rules";

export const SITE = "pk_test";
export const ASSIGNED = withRules({
  visitor: "vis_1",
  session: "ses_1",
  beat_s: 30,
  hold_s: 1800,
  swaps: [{ target: "+18005551234", number: "+14155550123", display: "(415) 555-0123" }],
});
export const PAGE = '<p>Call (800) 555-1234</p><a href="tel:+18005551234">call</a>';

type Win = Window & { ringtrail?: Ringtrail };
export const w = window as Win;
export let fetchMock: ReturnType<typeof vi.fn>;
const listeners: [EventTarget, string, EventListenerOrEventListenerObject, unknown][] = [];
export const observers: MutationObserver[] = [];
const history0 = { push: history.pushState, replace: history.replaceState };

/** Lets the stubbed fetch's promise chains settle. */
export const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** The stubbed network: each call answers with the next of `bodies` (the last repeats). */
export function network(...bodies: unknown[]) {
  let i = 0;
  fetchMock = vi.fn(async (_url: string, _init: RequestInit) => {
    const body = bodies[Math.min(i++, bodies.length - 1)];
    if (body instanceof Error) throw body;
    return {
      ok: true,
      status: 200,
      // A fresh object per answer, as a real response's json() gives.
      json: async () => JSON.parse(typeof body === "string" ? body : JSON.stringify(body)),
    };
  });
  vi.stubGlobal("fetch", fetchMock);
}

/** The JSON bodies sent to `path` so far. */
export const sent = (path: string) =>
  fetchMock.mock.calls
    .filter(([url]) => String(url).endsWith(path))
    .map(([, init]) => JSON.parse((init as RequestInit).body as string));

export function boot(attrs: Record<string, string> = {}, html = PAGE) {
  document.body.innerHTML = html;
  const s = document.createElement("script");
  s.src = "https://rt.example/v1/rt.js";
  for (const [k, v] of Object.entries({ site: SITE, ...attrs })) s.setAttribute(`data-${k}`, v);
  start(s);
}

export const text = () => document.querySelector("p")!.textContent;
export const href = () => document.querySelector("a")!.getAttribute("href");
export const storage = () => ({
  cookie: document.cookie,
  local: { ...localStorage },
  session: { ...sessionStorage },
});

/** Gives every test a fresh page, storage, network stub and script instance. */
export function usePage(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
    localStorage.clear();
    sessionStorage.clear();
    for (const c of document.cookie.split("; "))
      document.cookie = `${c.split("=")[0]}=;max-age=0;path=/`;
    delete w.ringtrail;
    history.replaceState(null, "", "/");
    for (const target of [window, document]) {
      const add = target.addEventListener.bind(target);
      vi.spyOn(target, "addEventListener").mockImplementation((type, fn, opts) => {
        listeners.push([target, type, fn!, opts]);
        add(type, fn, opts);
      });
    }
    const MO = MutationObserver;
    vi.stubGlobal(
      "MutationObserver",
      class extends MO {
        constructor(cb: MutationCallback) {
          super(cb);
          observers.push(this);
        }
      },
    );
    network(ASSIGNED);
  });

  afterEach(() => {
    for (const [t, type, fn, opts] of listeners.splice(0))
      t.removeEventListener(type, fn, opts as boolean);
    for (const o of observers.splice(0)) o.disconnect();
    history.pushState = history0.push;
    history.replaceState = history0.replace;
    vi.clearAllTimers();
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}
