import { type Rules, swapIn, TEL } from "./swap";
import type { Assignment, Ringtrail } from "./types";

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
  const api = `${firstParty || new URL(script.src).origin}/v1/visits`;
  const mode = cfg.consent;
  const gpc = cfg.gpc == "respect" && nav.globalPrivacyControl;
  // Page-scoped numbers without consent: nothing stored, no visitor id.
  const lite = mode == "consentless" || (gpc && mode != "wait");
  let ok = !mode && !gpc;
  let debug: unknown;
  let started: unknown;
  let state: Assignment | undefined;
  let rules: Rules | undefined;
  let re: RegExp;
  let swapMs: number | undefined;
  let timer: ReturnType<typeof setInterval>;
  let hide: (() => void) | undefined;
  const page = () => location.href.split("#")[0];
  let at = page();

  const log = (...a: unknown[]) => debug && console.log("[ringtrail]", ...a);
  const run = <A, T>(f: (a?: A) => T, a?: A) => {
    try {
      return f(a);
    } catch (e) {
      log(e);
    }
  };
  const safe =
    <A>(f: (a?: A) => unknown) =>
    (a?: A) =>
      run(f, a);
  // Storage that is blocked (sandboxed frames, privacy settings) reads as empty.
  const load = (): Assignment => run(() => JSON.parse(localStorage[KEY] || "{}")) || {};
  const save = (v?: string) => run(() => (v ? (localStorage[KEY] = v) : delete localStorage[KEY]));
  const cookie = (re: RegExp) => (re.exec(doc.cookie) || [])[1];
  /** The visitor cookie for a year, on `data-cookie-domain` when given; "" deletes it. */
  const setCookie = (v: string) => {
    doc.cookie = `${KEY}=${v};path=/;max-age=${v ? 31536e3 : 0};samesite=lax${
      cfg.cookieDomain ? `;domain=${cfg.cookieDomain}` : ""
    }`;
  };

  // Nothing to do before the first assignment.
  const scan = (root: Node) => {
    const n = rules && swapIn(root as ParentNode, rules, re);
    if (n) log("swapped", n);
  };
  // A change is rescanned from one level up, to see a number its node shares with siblings.
  // Our own writes come back once and change nothing more.
  const mo = new MutationObserver(
    safe((records?: MutationRecord[]) =>
      new Set(records!.map(({ target: n }) => (n.parentNode || n).parentNode || n)).forEach(scan),
    ),
  );

  const apply = (a: Assignment) => {
    state = a;
    rules = a.match;
    re = RegExp(a.re!, "g");
    scan(doc);
    mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    if (swapMs == null) {
      swapMs = perf.now() - t0;
      perf.mark("rt:swapped");
    }
    if (hide) hide();
  };

  /** Stores the assignment, expiring `hold_s` after this last activity. */
  const persist = () => {
    if (ok && state) {
      state.site = site;
      state.exp = Date.now() + state.hold_s! * 1e3;
      save(JSON.stringify(state));
    }
  };

  // A string body goes as text/plain;charset=UTF-8, so there is no CORS preflight.
  const post = (url: string, body: object): Promise<unknown> =>
    fetch(url, {
      method: "POST",
      body: JSON.stringify(body),
      credentials: firstParty ? "include" : undefined,
    })
      .then((r) => r.json())
      .then((a: Assignment): unknown => {
        // A beat answers 204, or 200 {"renew":true} when the leases ran out: new numbers.
        if (a.renew) return visit();
        log("visit", a);
        apply(a);
        clearInterval(timer);
        // Heartbeats only while the page is visible.
        timer = setInterval(
          safe(() => doc.hidden || beat()),
          (a.beat_s || 30) * 1e3,
        );
        persist();
        // A first-party API host sets the cookie itself: one written here would replace it
        // and fall under Safari's seven-day cap on script-written cookies.
        if (ok && a.visitor && !firstParty) setCookie(a.visitor);
      })
      .catch(log);

  const beat = (last?: unknown, event?: object) => {
    const session = (ok || lite) && state && state.session;
    if (session) {
      const url = `${api}/${session}/beats`;
      // swap_ms goes with the first beat only; -1 marks it sent.
      const body = { events: event ? [event] : [], swap_ms: swapMs! < 0 ? undefined : swapMs };
      swapMs = -1;
      if (!(last && nav.sendBeacon(url, JSON.stringify(body)))) post(url, body);
      persist();
    }
  };

  const visit = (): unknown =>
    (ok || lite) &&
    post(api, {
      site,
      visitor: (ok && (cookie(/\b_rt_vid=([^;]*)/) || load().visitor)) || null,
      url: location.href,
      referrer: doc.referrer,
      ga_client_id: (ok && cookie(/\b_ga=GA\d\.\d+\.([\d.]+)/)) || null,
      viewport: [innerWidth, innerHeight],
      session: state && state.session,
      consentless: !ok,
    });

  const rt: Ringtrail = (cmd, arg) =>
    run(() =>
      cmd == "number"
        ? ((state && state.swaps.find((s) => s.target == arg)) || { number: null }).number
        : cmd == "swap"
          ? scan(doc)
          : cmd == "debug"
            ? (debug = arg !== false)
            : cmd == "consent" &&
              !gpc &&
              (arg
                ? !ok && (ok = true) && started && visit()
                : (save(), setCookie(""), (ok = false))),
    );
  rt.l = true;
  w.ringtrail = rt;
  for (const a of (old && old.q) || []) rt(a[0] as string, a[1]);
  started = 1;

  if (ok)
    // Later pages swap from the stored assignment now, before first paint, and refresh after.
    run(() => {
      const c = load();
      if (c.site == site && c.exp! > Date.now()) apply(c);
    });
  const hideMs = +cfg.hide!;
  if (hideMs > 0 && !state && (ok || lite)) {
    const h = doc.createElement("style");
    h.textContent = "[data-rt-swap]{visibility:hidden!important}";
    doc.documentElement.append(h);
    setTimeout((hide = () => h.remove()), hideMs);
  }
  visit();

  const moved = safe(() => page() != at && (at = page()) && visit());
  for (const k of ["pushState", "replaceState"] as const) {
    const f = history[k].bind(history);
    history[k] = (...a) => {
      f(...a);
      moved();
    };
  }
  addEventListener("popstate", moved);
  // Text the parser appended to a node already swapped gets one more pass.
  addEventListener(
    "DOMContentLoaded",
    safe(() => scan(doc)),
  );
  addEventListener(
    "pagehide",
    safe(() => beat(1)),
  );
  doc.addEventListener(
    "click",
    safe((e?: Event) => {
      const a = (e!.target as Element).closest<HTMLAnchorElement>(TEL);
      if (a) {
        // Sent at once, so the server stamps the time. The link was swapped, so it holds the
        // assigned number.
        beat(0, { type: "tel_click", number: a.href.slice(4) });
      }
    }),
    true,
  );
}
