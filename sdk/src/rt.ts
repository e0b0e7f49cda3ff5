import { type Rules, swapIn } from "./swap";
import type { Assignment, Ringtrail, Swap } from "./types";

/**
 * Runs the tracker configured by `script`'s `data-*` attributes. Every entry point (start,
 * commands, listeners, timers, responses) is wrapped, so a failure leaves the page's own
 * numbers and throws nothing. A second copy of the script, or a browser without fetch, does
 * nothing.
 */
export function start(script: HTMLScriptElement): void {
  const w = window as Window & { ringtrail?: Ringtrail };
  const doc = document;
  const perf = performance;
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  const cfg = script.dataset;
  const site = cfg.site;
  const old = w.ringtrail;
  if (!site || !w.fetch || (old && old.l)) return;
  const t0 = perf.now();
  perf.mark("rt:start");
  // The visitor cookie, and the localStorage key of the last assignment (with the visitor id).
  const KEY = "_rt_vid";
  const firstParty = cfg.api;
  const api = firstParty || new URL(script.src).origin;
  const mode = cfg.consent;
  const gpc = cfg.gpc === "respect" && nav.globalPrivacyControl;
  // Page-scoped numbers without consent: nothing stored, no visitor id.
  const lite = mode === "consentless" || (gpc && mode !== "wait");
  let ok = !mode && !gpc;
  let debug: unknown;
  let started: unknown;
  let state: Assignment | undefined;
  let cur: Swap[] = [];
  let rules: Rules | undefined;
  let events: object[] = [];
  let swapMs: number | undefined;
  let timer: ReturnType<typeof setInterval>;
  let hide: (() => void) | undefined;
  const page = () => location.href.split("#")[0];
  let at = page();

  const log = (...a: unknown[]) => debug && console.log("[ringtrail]", ...a);
  const run = <T>(f: () => T) => {
    try {
      return f();
    } catch (e) {
      log(e);
    }
  };
  const safe =
    <A>(f: (a: A) => unknown) =>
    (a: A) =>
      run(() => f(a));
  /** localStorage that never throws: reads, or writes `value` ("" removes). */
  const store = (value?: string) =>
    run(() => {
      const s = localStorage;
      return value == null ? s.getItem(KEY) : value ? s.setItem(KEY, value) : s.removeItem(KEY);
    });
  const load = (): Assignment => JSON.parse(store() || "{}");
  const cookie = (re: RegExp) => (re.exec(doc.cookie) || [])[1];
  /** The visitor cookie for a year, on `data-cookie-domain` when given; "" deletes it. */
  const setCookie = (v: string) => {
    doc.cookie = `${KEY}=${v};path=/;max-age=${v ? 31536e3 : 0};samesite=lax${
      cfg.cookieDomain ? `;domain=${cfg.cookieDomain}` : ""
    }${location.protocol === "https:" ? ";secure" : ""}`;
  };
  // A string body goes as text/plain;charset=UTF-8, so there is no CORS preflight.
  const post = (path: string, body: object, done: (a: Assignment) => unknown) =>
    fetch(api + path, {
      method: "POST",
      body: JSON.stringify(body),
      credentials: firstParty ? "include" : "omit",
    })
      .then((r) => r.json())
      .then(done)
      .catch(log);

  // A change is rescanned from one level up, to see a number its node shares with siblings.
  // Observing stops while we write, so our own mutations never come back to us.
  const mo = new MutationObserver(
    safe((records: MutationRecord[]) =>
      new Set(records.map(({ target: n }) => (n.parentNode || n).parentNode || n)).forEach(scan),
    ),
  );
  // Nothing to do, and nothing observed, before the first assignment.
  const scan = (root: Node) => {
    if (rules) {
      mo.disconnect();
      const n = run(() => swapIn(root, rules!));
      if (n) log("swapped", n);
      mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    }
  };

  const apply = (a: Assignment) => {
    cur = a.swaps;
    rules = a.match;
    scan(doc);
    if (swapMs == null) {
      swapMs = Math.round(perf.now() - t0);
      perf.mark("rt:swapped");
    }
    if (hide) hide();
  };

  /** Stores the assignment, expiring `hold_s` after this last activity. */
  const persist = () => {
    if (ok && state) {
      state.site = site;
      state.exp = Date.now() + state.hold_s! * 1e3;
      store(JSON.stringify(state));
    }
  };

  const beat = (last?: unknown) => {
    const session = state && state.session;
    if (session) {
      const path = `/v1/visits/${session}/beats`;
      // swap_ms goes with the first beat only; -1 marks it sent.
      const body = { events, swap_ms: swapMs! < 0 ? undefined : swapMs };
      swapMs = -1;
      events = [];
      if (!(last && nav.sendBeacon(api + path, JSON.stringify(body))))
        // 204 keeps the leases; 200 {"renew":true}: they ran out, so ask for numbers again.
        post(path, body, (a) => a.renew && visit());
      persist();
    }
  };

  const visit = () => {
    if (ok || lite)
      post(
        "/v1/visits",
        {
          site,
          visitor: (ok && (cookie(/\b_rt_vid=([^;]*)/) || load().visitor)) || null,
          url: location.href,
          referrer: doc.referrer,
          ga_client_id: (ok && cookie(/\b_ga=GA\d\.\d+\.(\d+\.\d+)/)) || null,
          viewport: [innerWidth, innerHeight],
          session: state && state.session,
          consentless: !ok,
        },
        (a) => {
          log("visit", a);
          apply(a);
          state = a;
          clearInterval(timer);
          // Heartbeats only while the page is visible.
          timer = setInterval(safe(() => doc.hidden || beat()), (a.beat_s || 30) * 1e3);
          persist();
          // A first-party API host sets the cookie itself: one written here would replace it
          // and fall under Safari's seven-day cap on script-written cookies.
          if (ok && a.visitor && !firstParty) setCookie(a.visitor);
        },
      );
  };

  const rt: Ringtrail = (cmd, arg) =>
    run(() =>
      cmd === "swap"
        ? scan(doc)
        : cmd === "number"
          ? (cur.find((s) => s.target === arg) || { number: null }).number
          : cmd === "debug"
            ? (debug = arg !== false)
            : cmd === "consent" &&
              !gpc &&
              (arg
                ? !ok && (ok = true) && started && visit()
                : (store(""), setCookie(""), lite || (state = undefined), (ok = false))),
    );
  rt.l = true;
  w.ringtrail = rt;
  for (const a of (old && old.q) || []) rt(a[0] as string, a[1]);
  started = 1;

  if (ok)
    // Later pages swap from the stored assignment now, before first paint, and refresh after.
    run(() => {
      const c = load();
      if (c.site === site && c.exp! > Date.now()) {
        apply(c);
        state = c;
      }
    });
  const hideMs = +cfg.hide!;
  if (hideMs > 0 && !cur.length && (ok || lite)) {
    const h = doc.createElement("style");
    h.textContent = "[data-rt-swap]{visibility:hidden!important}";
    doc.documentElement.append(h);
    setTimeout((hide = () => h.remove()), hideMs);
  }
  visit();

  const moved = safe(() => page() !== at && (at = page()) && visit());
  for (const k of ["pushState", "replaceState"] as const) {
    const f = history[k].bind(history);
    history[k] = (...a) => {
      f(...a);
      moved(0);
    };
  }
  addEventListener("popstate", moved);
  // Text the parser appended to a node already swapped gets one more pass.
  addEventListener("DOMContentLoaded", () => scan(doc));
  addEventListener(
    "pagehide",
    safe(() => beat(1)),
  );
  doc.addEventListener(
    "click",
    safe((e: Event) => {
      const a = (e.target as Element).closest('[href^="tel:" i]');
      if (a) {
        // Sent at once, so the server stamps the time. The link was swapped, so it holds the
        // assigned number.
        events.push({ type: "tel_click", number: a.getAttribute("href")!.slice(4) });
        beat();
      }
    }),
    true,
  );
}
