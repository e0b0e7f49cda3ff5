import { digits, type Pair } from "./match";
import { cookie, setCookie, store } from "./store";
import { swapIn } from "./swap";
import type { Assignment, Beat, Ringtrail, Swap, Visit } from "./types";

const E164 = /^\+\d{6,15}$/;
const VID = "_rt_vid";
const CACHE = "_rt_s";

/**
 * Runs the tracker configured by `script`'s `data-*` attributes. Every entry point is wrapped
 * so that a failure leaves the page's own numbers and throws nothing. A second copy of the
 * script, or a browser without fetch, does nothing.
 */
export function start(script: HTMLScriptElement): void {
  const w = window as Window & { ringtrail?: Ringtrail };
  const doc = document;
  const perf = performance;
  const cfg = script.dataset;
  const site = cfg.site;
  if (!site || !w.fetch || (w.ringtrail && w.ringtrail.l)) return;
  const t0 = perf.now();
  perf.mark("rt:start");
  const firstParty = cfg.api;
  const api = firstParty || new URL(script.src).origin;
  const domain = cfg.cookieDomain;
  const mode = cfg.consent;
  const gpc =
    cfg.gpc === "respect" && (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  // Page-scoped numbers without consent: nothing stored, no visitor id.
  const lite = mode === "consentless" || (gpc && mode !== "wait");
  let ok = !mode && !gpc;
  let debug: unknown;
  let started: unknown;
  let state: Assignment | undefined;
  let cur: Swap[] = [];
  let pairs: Pair[] = [];
  let events: Beat["events"] = [];
  let swapMs: number | undefined;
  let timer: ReturnType<typeof setInterval>;
  let hide: HTMLStyleElement | undefined;
  const path = () => location.pathname + location.search;
  let page = path();

  const log = (...a: unknown[]) => debug && console.log("[ringtrail]", ...a);
  const safe =
    <A extends unknown[]>(f: (...a: A) => unknown) =>
    (...a: A) => {
      try {
        return f(...a);
      } catch (e) {
        log(e);
      }
    };
  // A string body goes as text/plain;charset=UTF-8, so there is no CORS preflight.
  const post = (path: string, body: Visit | Beat, done?: (a: Assignment) => void) =>
    fetch(api + path, {
      method: "POST",
      body: JSON.stringify(body),
      credentials: firstParty ? "include" : "omit",
      keepalive: true,
    })
      .then((r) => done && r.json().then(done))
      .catch(log);

  // A change is rescanned from one level up, to see a number its node shares with siblings.
  // Observing stops while we write, so our own mutations never come back to us.
  const mo = new MutationObserver(
    safe((records: MutationRecord[]) =>
      new Set(
        records.map((r) => {
          const n = r.target.nodeType === 3 ? r.target.parentNode! : r.target;
          return n.parentNode || n;
        }),
      ).forEach(scan),
    ),
  );
  const scan = (root: Node) => {
    mo.disconnect();
    try {
      const n = swapIn(root, pairs);
      if (n) log("swapped", n);
    } finally {
      mo.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    }
  };

  const apply = (list: Swap[]) => {
    const next = list.filter((s) => E164.test(s.target) && E164.test(s.number));
    // Numbers an earlier assignment put on the page move to the new one, or back to the target.
    pairs = next.concat(cur).map((x, i) => {
      const m = next.find((n) => n.target === x.target);
      return [
        digits(i < next.length ? x.target : x.number),
        digits(m ? m.number : x.target),
        (m && m.display) || "",
      ];
    });
    cur = next;
    scan(doc);
    if (swapMs === undefined) {
      swapMs = Math.round(perf.now() - t0);
      perf.mark("rt:swapped");
    }
    if (hide) hide.remove();
  };

  /** Stores the assignment, expiring `hold_s` after this last activity. */
  const persist = () => {
    if (ok && state) {
      state.site = site;
      state.exp = Date.now() + (Number(state.hold_s) || 1800) * 1e3;
      store(CACHE, JSON.stringify(state));
    }
  };

  const beat = (last?: unknown) => {
    const session = state && state.session;
    if (session) {
      const body: Beat = { events, swap_ms: swapMs };
      const path = `/v1/visits/${session}/beats`;
      // swap_ms goes with the first beat only; -1 marks it sent.
      if (swapMs! < 0) body.swap_ms = undefined;
      swapMs = -1;
      events = [];
      if (!(last && navigator.sendBeacon && navigator.sendBeacon(api + path, JSON.stringify(body))))
        post(path, body);
      persist();
    }
  };

  const visit = () => {
    if (ok || lite) {
      post(
        "/v1/visits",
        {
          site,
          visitor: (ok && (cookie(VID) || store(VID))) || null,
          url: location.href,
          referrer: doc.referrer || null,
          ga_client_id: (ok && cookie("_ga", "GA\\d\\.\\d+\\.(\\d+\\.\\d+)")) || null,
          viewport: [innerWidth, innerHeight],
          session: state && state.session,
          consentless: !ok || undefined,
        },
        (a) => {
          log("visit", a);
          apply(a.swaps);
          state = a.bot ? undefined : a;
          const v = a.visitor;
          if (ok && v) {
            store(VID, v);
            // A first-party API host sets the cookie itself: one written here would replace it
            // and fall under Safari's seven-day cap on script-written cookies.
            if (!firstParty) setCookie(VID, v, domain);
          }
          persist();
          const s = Number(a.beat_s);
          clearInterval(timer);
          // Heartbeats only while the page is visible.
          timer = setInterval(() => doc.hidden || beat(), (s > 4 ? s : 30) * 1e3);
        },
      );
    }
  };

  const commands: Record<string, (arg?: unknown) => unknown> = {
    consent: (yes) => {
      if (!gpc) {
        if (!yes) {
          store(VID, "");
          store(CACHE, "");
          setCookie(VID, "", domain);
          if (!lite) state = undefined;
        } else if (!ok && started) {
          ok = true;
          visit();
        }
        ok = !!yes;
      }
    },
    swap: () => scan(doc),
    number: (target) => {
      const s = cur.find((s) => s.target === target);
      return s ? s.number : null;
    },
    debug: (on) => {
      debug = on !== false;
    },
  };
  const queue = (w.ringtrail && w.ringtrail.q) || [];
  const rt: Ringtrail = (cmd, arg) => safe(commands[cmd]!)(arg);
  rt.l = true;
  w.ringtrail = rt;
  for (const a of Array.from(queue)) rt(a[0] as string, a[1]);
  started = true;

  if (ok) {
    // Later pages swap from the stored assignment now, before first paint, and refresh after.
    safe(() => {
      const c: Assignment = JSON.parse(store(CACHE) || "0");
      if (c.site === site && c.exp! > Date.now()) {
        apply(c.swaps);
        state = c;
      }
    })();
  }
  const hideMs = Number(cfg.hide);
  if (hideMs > 0 && !cur.length && (ok || lite)) {
    const h = doc.createElement("style");
    h.textContent = "[data-rt-swap]{visibility:hidden!important}";
    doc.documentElement.appendChild(h);
    setTimeout(() => h.remove(), hideMs);
    hide = h;
  }
  visit();

  const nav = safe(() => {
    if (path() !== page) {
      page = path();
      visit();
    }
  });
  for (const k of ["pushState", "replaceState"] as const) {
    const f = history[k];
    history[k] = function (this: History, ...a: Parameters<History["pushState"]>) {
      f.apply(this, a);
      nav();
    };
  }
  addEventListener("popstate", nav);
  // Text the parser appended to a node already swapped gets one more pass.
  addEventListener(
    "DOMContentLoaded",
    safe(() => scan(doc)),
  );
  addEventListener(
    "pagehide",
    safe(() => beat(true)),
  );
  doc.addEventListener(
    "click",
    safe((e: Event) => {
      const a = (e.target as Element).closest('[href^="tel:" i]');
      if (a) {
        // The link was swapped, so it holds the assigned number; the server normalises it.
        events.push({
          type: "tel_click",
          number: a.getAttribute("href")!.slice(4),
          at: new Date().toISOString(),
        });
        beat();
      }
    }),
    true,
  );
}
