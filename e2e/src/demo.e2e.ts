import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser";
import { type RunningServer, startRingtrail } from "./server";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startRingtrail(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const ORIGINAL = "(800) 555-0100";
const digits = (s: string | null) => (s ?? "").replace(/\D/g, "");

/** Opens the demo page and waits until the script has swapped the header number. */
async function openDemo(context: BrowserContext, path = "/demo"): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(
    (original) => document.getElementById("header-phone")?.textContent !== `Call ${original}`,
    ORIGINAL,
    { timeout: 10_000 },
  );
  return page;
}

const text = (page: Page, id: string) => page.locator(`#${id}`).textContent();

describe("the demo page in Chromium", () => {
  it("swaps the main line in every format and the tel: links, and leaves skipped places alone", async () => {
    const context = await browser.newContext();
    const page = await openDemo(context);
    const header = (await text(page, "header-phone"))!;
    const number = digits(header).slice(-10);
    expect(number).not.toBe("8005550100");
    expect(header).toMatch(/^Call \(\d{3}\) \d{3}-\d{4}$/);
    const [a, b, c] = [number.slice(0, 3), number.slice(3, 6), number.slice(6)];
    expect(await text(page, "f-dash")).toBe(`${a}-${b}-${c}`);
    expect(await text(page, "f-dot")).toBe(`${a}.${b}.${c}`);
    expect(await text(page, "f-trunk")).toBe(`1-${a}-${b}-${c}`);
    expect(await text(page, "f-intl")).toBe(`+1 ${a} ${b} ${c}`);
    expect(await text(page, "f-digits")).toBe(number);
    expect(await text(page, "f-split")).toBe(`(${a}) ${b}-${c}`);
    expect(await page.locator("#f-split b").textContent()).toBe(`(${a})`);
    expect(await page.locator("#tel-link").getAttribute("href")).toBe(`tel:+1${number}`);
    // The support line has its own (source pool) number.
    expect(digits(await text(page, "support"))).toBe("8885550130");
    expect(await page.locator("#support-tel").getAttribute("href")).toBe("tel:18885550130");
    // Left alone: data-rt-skip, structured data, form fields, JSON-LD.
    expect(await text(page, "skip")).toBe(ORIGINAL);
    expect(await text(page, "itemprop")).toBe(ORIGINAL);
    expect(await page.locator("#input").inputValue()).toBe(ORIGINAL);
    expect(await page.locator('script[type="application/ld+json"]').textContent()).toContain(
      "+1-800-555-0100",
    );
    await context.close();
  });

  it("a reload shows the same number with no request first, before the first paint", async () => {
    const context = await browser.newContext();
    const page = await openDemo(context);
    const first = await text(page, "header-phone");
    // Block the API: the reload must still swap, from the cached assignment alone.
    let visitsBeforeSwap = 0;
    await page.route("**/v1/visits", async (route) => {
      visitsBeforeSwap++;
      await route.abort();
    });
    // What the header says at each of the first frames: requestAnimationFrame runs just before a paint.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __frames: string[] }).__frames = seen;
      const tick = () => {
        const el = document.getElementById("header-phone");
        if (el) seen.push(el.textContent ?? "");
        if (seen.length < 3) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.reload();
    await page.waitForFunction(
      () => (window as unknown as { __frames: string[] }).__frames.length >= 3,
    );
    const frames = await page.evaluate(
      () => (window as unknown as { __frames: string[] }).__frames,
    );
    expect(frames).toEqual([first, first, first]);
    expect(await text(page, "header-phone")).toBe(first);
    expect(visitsBeforeSwap).toBeLessThanOrEqual(1); // a background refresh may follow the swap
    await context.close();
  });

  it("a second visitor gets a different number", async () => {
    const one = await browser.newContext();
    const two = await browser.newContext();
    const a = await text(await openDemo(one), "header-phone");
    const b = await text(await openDemo(two), "header-phone");
    expect(a).not.toBe(b);
    await one.close();
    await two.close();
  });

  it("swaps content added later and reports a single-page-app navigation on the same session", async () => {
    const context = await browser.newContext();
    const page = await openDemo(context);
    const number = digits(await text(page, "header-phone")).slice(-10);
    await page.waitForSelector("#late-phone");
    await page.waitForFunction(
      (n) => document.getElementById("late-phone")?.textContent?.replace(/\D/g, "") === n,
      number,
    );
    const visits: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith("/v1/visits")) visits.push(r.postData() ?? "");
    });
    await page.click("#nav-pricing");
    await page.waitForFunction(
      (n) => document.getElementById("pricing-phone")?.textContent?.replace(/\D/g, "").endsWith(n),
      number,
    );
    await page.waitForFunction(() => location.pathname === "/demo/pricing");
    await expect.poll(() => visits.length, { timeout: 5_000 }).toBeGreaterThan(0);
    const body = JSON.parse(visits.at(-1)!);
    expect(body.url).toBe(`${server.url}/demo/pricing`);
    expect(body.session).toMatch(/^ses_/);
    await context.close();
  });

  it("reports a click on a tel: link", async () => {
    const context = await browser.newContext();
    const page = await openDemo(context);
    const beat = page.waitForRequest(
      (r) => r.url().includes("/beats") && (r.postData() ?? "").includes("tel_click"),
    );
    await page.evaluate(() => {
      const a = document.getElementById("tel-link") as HTMLAnchorElement;
      a.addEventListener("click", (e) => e.preventDefault());
      a.click();
    });
    const body = JSON.parse((await beat).postData()!);
    expect(body.events[0]).toMatchObject({ type: "tel_click" });
    await context.close();
  });

  it("with the API down, the page keeps its own numbers and throws nothing", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("**/v1/visits", (route) => route.fulfill({ status: 503, body: "down" }));
    await page.goto(`${server.url}/demo`);
    await page.waitForTimeout(1_500);
    expect(await text(page, "header-phone")).toBe(`Call ${ORIGINAL}`);
    expect(await page.locator("#tel-link").getAttribute("href")).toBe("tel:+18005550100");
    expect(errors).toEqual([]);
    await context.close();
  });
});
