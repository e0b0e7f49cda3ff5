import { swapIn, TEL } from "./swap";
import type { Assignment, Ringtrail, Swap } from "./types";

/**
 * Runs the tracker configured by `script`'s `data-*` attributes. Every entry point (start,
 * commands, listeners, timers, responses) is wrapped, so a failure leaves the page's own
 * numbers and throws nothing. A second copy of the script, or a browser without fetch, does
 * nothing.
 */
export function start(script: HTMLScriptElement): void {
  const doc = document;
  const cfg = script.dataset;
  const site = cfg.site;
  const old = window.ringtrail;
  if (!site || (old && old.l)) return;
  const t0 = performance.now();
  performance.mark("rt:start");
  const firstParty = cfg.api;
  const api = `${firstParty || new URL(script.src).origin}/v1/visits`;
  const gpc = cfg.gpc == "respect" && navigator.globalPrivacyControl;
  // Global Privacy Control makes a page without data-consent consentless.
  const mode = cfg.consent || (gpc && "consentless");
  // Page-scoped numbers without consent: nothing stored, no visitor id.
  const lite = mode == "consentless";
  let ok = !mode;
  let debug: unknown;
  let state: Assignment | undefined;
  // Script start to the first swap; NaN (sent as null) once the first beat has carried it.
  let swapMs: number | undefined;
  let timer: ReturnType<typeof setInterval>;
  // The data-hide style; removing it while it is not in the page does nothing.
  const hide = doc.createElement("style");
  const page = () => location.href.split("#")[0];
  let at = page();

  const log = (...a: unknown[]) => debug && console.log("[ringtrail]", ...a);
  /** `f`, made to log what it throws instead of throwing it. */
  const safe =
    <A, B, T>(f: (a: A, b: B) => T) =>
    (a?: A, b?: B): T | undefined => {
      try {
        return f(a!, b!);
      } catch (e) {
        log(e);
      }
    };
  // Storage that is blocked (sandboxed frames, privacy settings) is a plain object for the page.
  const store: Record<string, string> = safe(() => localStorage)() || {};
  // Nothing stored: JSON.parse(undefined) throws, and safe() makes that undefined too.
  const load = (): Assignment => safe(() => JSON.parse(store[site]!))() || {};
  const cookie = (re: RegExp) => (re.exec(doc.cookie) || [])[1];
  /** The visitor cookie for a year, on `data-cookie-domain` when given; "" deletes it. */
  const setCookie = (v: string) =>
    (doc.cookie = `_rt_vid=${v};path=/;max-age=${v ? 31536e3 : 0};domain=${cfg.cookieDomain || ""}`);

  // Nothing to do before the first assignment.
  const scan = safe((root: Node = doc) => {
    const n = state && swapIn(root as ParentNode, state as Required<Assignment>);
    if (n) log("swapped", n);
  });

  /** Swaps and keeps an assignment: the server's, or the one stored by an earlier page. */
  const take = (a: Assignment) => {
    log("visit", a);
    state = a;
    scan();
    if (swapMs == null) {
      swapMs = performance.now() - t0;
      performance.mark("rt:swapped");
    }
    hide.remove();
    // A first-party API host sets the cookie itself: one written here would replace it
    // and fall under Safari's seven-day cap on script-written cookies.
    if (ok && a.visitor && !firstParty) setCookie(a.visitor);
    // The server's answer (a stored assignment has its expiry): heartbeats start, only while
    // the page is visible, and the expiry moves on.
    if (!a.exp) {
      timer = timer || setInterval(() => doc.hidden || beat(), a.beat_s! * 1e3);
      persist();
    }
  };

  /** Stores the assignment (callers have one), expiring `hold_s` after this last activity. */
  const persist = () =>
    ok && ((state!.exp = Date.now() + state!.hold_s! * 1e3), (store[site] = JSON.stringify(state)));

  // A string body goes as text/plain;charset=UTF-8, so there is no CORS preflight.
  const post = (url: string, body: string): Promise<unknown> =>
    fetch(url, {
      method: "POST",
      body,
      // With a first-party API host, cookies go both ways. (An empty data-api is no URL: fetch
      // rejects "" here and nothing is sent.)
      credentials: (firstParty && "include") as RequestCredentials,
    })
      .then((r) => r.json())
      // A beat answers 204, or 200 {"renew":true} when the leases ran out: new numbers.
      .then((a: Assignment) => (a.renew ? visit() : take(a)))
      .catch(log);

  /** A heartbeat; `last` (pagehide's event) sends it as a beacon, which outlives the page. */
  const beat = safe((last?: unknown, events?: object[]) => {
    const session = (ok || lite) && state && state.session;
    if (session) {
      const url = `${api}/${session}/beats`;
      // swap_ms goes with the first beat only.
      const body = JSON.stringify({ events, swap_ms: swapMs });
      swapMs = NaN;
      if (!(last && navigator.sendBeacon(url, body))) post(url, body);
      persist();
    }
  });

  const visit = (): unknown =>
    (ok || lite) &&
    post(
      api,
      JSON.stringify({
        site,
        visitor: (ok && (cookie(/\b_rt_vid=([^;]*)/) || load().visitor)) || null,
        url: location.href,
        referrer: doc.referrer,
        ga_client_id: (ok && cookie(/\b_ga=([^;]*)/)) || null,
        viewport: [innerWidth, innerHeight],
        session: state && state.session,
        consentless: !ok,
      }),
    );

  const rt: Ringtrail = safe((cmd: string, arg: unknown) =>
    cmd == "number"
      ? ((state && state.swaps.find((s) => s.target == arg)) || ({} as Partial<Swap>)).number ||
        null
      : cmd == "swap"
        ? scan()
        : cmd == "debug"
          ? (debug = arg !== false)
          : cmd == "consent" &&
            !gpc &&
            (arg
              ? ok || ((ok = true), rt.l && visit())
              : ((ok = false), setCookie(""), delete store[site])),
  );
  if (old && old.q) for (const a of old.q) rt(...(a as unknown as [string, unknown]));
  // Marks the script as loaded (a second copy does nothing) and started: consent given from
  // here on posts the visit itself; consent queued before load is in time for the first visit.
  window.ringtrail = rt.l = rt;

  // Hidden until the first swap: the stored assignment's, below, or the server's.
  if (cfg.hide) {
    doc.head.append(hide);
    hide.textContent = "[data-rt-swap]{opacity:0}";
    setTimeout(() => hide.remove(), +cfg.hide);
  }
  if (ok) {
    // Later pages swap from the stored assignment now, before first paint, and refresh after.
    const c = load();
    if (c.exp! > Date.now()) take(c);
  }
  visit();

  // A change is rescanned from two levels up (a text node's parent's parent), to see a number
  // it shares with siblings, once for each such subtree in the batch: a whole-page pass per
  // batch costs milliseconds on a large page, a subtree hundredths. Our own writes come back
  // once and change nothing more. Text the parser appends to a node already scanned comes as a
  // characterData record too (Blink, WebKit and Gecko all queue one), so no DOMContentLoaded
  // pass is needed.
  new MutationObserver(
    safe((records: MutationRecord[]) =>
      new Set(records.map(({ target: n }) => (n.parentNode || n).parentNode || n)).forEach(scan),
    ),
  ).observe(doc, { childList: true, subtree: true, characterData: true });
  // A new page view when the path or query changed (not for the hash alone).
  const moved = safe(() => at != (at = page()) && visit());
  for (const k of ["pushState", "replaceState"] as const) {
    const f = history[k];
    // The page's call first; moved() ignores what it returns.
    history[k] = (...a) => moved(f.apply(history, a));
  }
  addEventListener("popstate", moved);
  addEventListener("pagehide", beat);
  addEventListener(
    "click",
    // Sent at once, so the server stamps the time. The link was swapped, so it holds the
    // assigned number.
    safe(
      (e: Event, a?: HTMLAnchorElement | null) =>
        (a = (e.target as Element).closest<HTMLAnchorElement>(TEL)) &&
        beat(0, [{ type: "tel_click", number: a.href }]),
    ),
    true,
  );
}
