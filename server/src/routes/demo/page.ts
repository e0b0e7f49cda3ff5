import type { App } from "../../context";
import { DEMO_SITE_KEY } from "../../demo/seed";

/**
 * A demo advertiser page: the site's two numbers in the formats real pages use, a tel:
 * link, a number split across elements, structured data that must keep the real number,
 * a fake single-page-app route and content that arrives late. The script is loaded without
 * `async`, high in <head>, the zero-flicker install: later pages swap before the first paint.
 */
const page = (key: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Plumbing — Ringtrail demo</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<script src="/v1/rt.js" data-site="${key}"></script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Plumber","name":"Acme Plumbing","telephone":"+1-800-555-0100"}</script>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1c2530}header{background:#0d47a1;color:#fff;padding:16px 32px;display:flex;justify-content:space-between;align-items:center}
main{max-width:860px;margin:0 auto;padding:16px 32px}.card{border:1px solid #dde2e8;border-radius:8px;padding:12px 18px;margin:12px 0}
a.call{display:inline-block;background:#2e7d32;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none}
nav a{margin-right:12px}small{color:#5b6b7b}
</style></head><body>
<header><strong>Acme Plumbing</strong><span id="header-phone">Call (800) 555-0100</span></header>
<main>
<p>This page is a stand-in for an advertiser's site. The Ringtrail script replaces the numbers
below with tracking numbers from the demo site's pools; try <a href="/demo?utm_source=google&utm_medium=cpc&utm_campaign=spring&gclid=demo">arriving from a Google ad</a>
or <a href="/demo?utm_source=newsletter&utm_medium=email">from the newsletter</a>, then open the page in another browser to get another number.</p>
<nav><a href="/demo" id="nav-home">Home</a><a href="/demo/pricing" id="nav-pricing">Pricing</a></nav>
<div class="card" id="formats">
<p>Dashes: <span id="f-dash">800-555-0100</span></p>
<p>Dots: <span id="f-dot">800.555.0100</span></p>
<p>Trunk prefix: <span id="f-trunk">1-800-555-0100</span></p>
<p>International: <span id="f-intl">+1 800 555 0100</span></p>
<p>Digits only: <span id="f-digits">8005550100</span></p>
<p>Split across elements: <span id="f-split"><b>(800)</b> 555-0100</span></p>
<p><a class="call" id="tel-link" href="tel:+18005550100">Tap to call</a></p>
<p>Support line: <span id="support">(888) 555-0111</span> · <a id="support-tel" href="tel:18885550111">call support</a></p>
</div>
<div class="card"><small>Left alone on purpose:</small>
<p data-rt-skip>Our legal line: <span id="skip">(800) 555-0100</span></p>
<p itemscope itemtype="https://schema.org/LocalBusiness">Listed number: <span id="itemprop" itemprop="telephone">(800) 555-0100</span></p>
<p><input id="input" value="(800) 555-0100" aria-label="number in a form field"></p>
</div>
<div class="card" id="route"><p>Route: <span id="route-name">home</span></p></div>
<div id="late"></div>
</main>
<script>
document.querySelectorAll("nav a").forEach(function(a){a.addEventListener("click",function(e){e.preventDefault();
  history.pushState({},"",a.getAttribute("href"));
  document.getElementById("route-name").textContent=a.id==="nav-pricing"?"pricing":"home";
  if(a.id==="nav-pricing"){var p=document.createElement("p");p.id="pricing-phone";p.textContent="Questions about pricing? (800) 555-0100";document.getElementById("route").appendChild(p);}
});});
setTimeout(function(){var d=document.createElement("div");d.className="card";d.id="late-card";
  d.innerHTML='<p>Loaded later: <span id="late-phone">800-555-0100</span></p>';document.getElementById("late").appendChild(d);},800);
</script>
</body></html>`;

export function registerDemo(app: App) {
  const html = page(DEMO_SITE_KEY);
  app.get("/demo", (c) => c.html(html));
  app.get("/demo/*", (c) => c.html(html));
  app.get("/", (c) => c.redirect("/demo"));
}
