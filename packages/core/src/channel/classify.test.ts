import { describe, expect, it } from "vitest";
import { CHANNELS, type Touch } from "../visit";
import { classifyVisit } from "./classify";

type Expected = Pick<Touch, "channel" | "source" | "medium"> & Partial<Touch>;

const SITE = "https://www.acmeplumbing.com";

/** [what, url, referrer, expected] */
// biome-ignore format: one case per line reads as a table
const CASES: readonly [string, string, string | null, Expected][] = [
  // Ad click ids
  ["gclid", `${SITE}/?gclid=EAIaIQobChMI8vX`, "https://www.google.com/", { channel: "paid_search", source: "google", medium: "cpc", clickIds: { gclid: "EAIaIQobChMI8vX" } }],
  ["gclid without referrer", `${SITE}/emergency?gclid=Cj0KCQ`, null, { channel: "paid_search", source: "google", medium: "cpc" }],
  ["gbraid (iOS app campaign)", `${SITE}/?gbraid=0AAAAAoX`, "https://www.google.com/", { channel: "paid_search", source: "google", medium: "cpc", clickIds: { gbraid: "0AAAAAoX" } }],
  ["wbraid (iOS web)", `${SITE}/?wbraid=CkQKCQjw`, null, { channel: "paid_search", source: "google", medium: "cpc", clickIds: { wbraid: "CkQKCQjw" } }],
  ["msclkid", `${SITE}/?msclkid=5f3a9b2c1d0e`, "https://www.bing.com/", { channel: "paid_search", source: "bing", medium: "cpc", clickIds: { msclkid: "5f3a9b2c1d0e" } }],
  ["gclid keeps utm tags", `${SITE}/?utm_source=google&utm_medium=ppc&utm_campaign=Brand%20US&utm_term=plumber+near+me&gclid=abc`, "https://www.google.com/", { channel: "paid_search", source: "google", medium: "ppc", campaign: "Brand US", term: "plumber near me" }],
  ["gclid on a display ad", `${SITE}/?utm_medium=display&gclid=xyz`, "https://www.nytimes.com/", { channel: "display", source: "google", medium: "display" }],
  ["gclid wins over fbclid", `${SITE}/?fbclid=IwAR1&gclid=abc`, null, { channel: "paid_search", source: "google", medium: "cpc", clickIds: { fbclid: "IwAR1", gclid: "abc" } }],
  ["ttclid", `${SITE}/?ttclid=E.C.P.Cs0B`, "https://www.tiktok.com/", { channel: "paid_social", source: "tiktok", medium: "cpc", clickIds: { ttclid: "E.C.P.Cs0B" } }],
  ["li_fat_id", `${SITE}/?li_fat_id=7c9b1e2a-aaaa`, "https://www.linkedin.com/", { channel: "paid_social", source: "linkedin", medium: "cpc", clickIds: { li_fat_id: "7c9b1e2a-aaaa" } }],
  ["click id names are case-insensitive", `${SITE}/?GCLID=abc`, null, { channel: "paid_search", source: "google", medium: "cpc", clickIds: { gclid: "abc" } }],
  // fbclid
  ["fbclid alone is organic social", `${SITE}/?fbclid=IwAR2x`, "https://l.facebook.com/", { channel: "social", source: "facebook", medium: "social", clickIds: { fbclid: "IwAR2x" } }],
  ["fbclid with no referrer", `${SITE}/?fbclid=IwAR2x`, null, { channel: "social", source: "facebook", medium: "social" }],
  ["fbclid from instagram", `${SITE}/?fbclid=PAAaZ`, "https://l.instagram.com/", { channel: "social", source: "instagram", medium: "social" }],
  ["fbclid + cpc + facebook is paid social", `${SITE}/?utm_source=facebook&utm_medium=cpc&utm_campaign=spring&fbclid=IwAR3`, "https://m.facebook.com/", { channel: "paid_social", source: "facebook", medium: "cpc", campaign: "spring" }],
  ["fbclid + paid, no source", `${SITE}/?utm_medium=paid&fbclid=IwAR4`, null, { channel: "paid_social", source: "facebook", medium: "paid" }],
  ["fbclid + paid_social + ig", `${SITE}/?utm_source=ig&utm_medium=paid_social&fbclid=x`, null, { channel: "paid_social", source: "instagram", medium: "paid_social" }],
  // utm_medium
  ["cpc google", `${SITE}/?utm_source=google&utm_medium=cpc`, null, { channel: "paid_search", source: "google", medium: "cpc" }],
  ["CPC upper-case, bing", `${SITE}/?utm_source=Bing&utm_medium=CPC`, null, { channel: "paid_search", source: "bing", medium: "cpc" }],
  ["sem", `${SITE}/?utm_source=google&utm_medium=sem`, null, { channel: "paid_search", source: "google", medium: "sem" }],
  ["paidsearch", `${SITE}/?utm_source=yahoo&utm_medium=paidsearch`, null, { channel: "paid_search", source: "yahoo", medium: "paidsearch" }],
  ["cpc on a social source is paid social", `${SITE}/?utm_source=linkedin&utm_medium=cpc`, null, { channel: "paid_social", source: "linkedin", medium: "cpc" }],
  ["social-paid", `${SITE}/?utm_source=fb&utm_medium=social-paid`, null, { channel: "paid_social", source: "facebook", medium: "social-paid" }],
  ["paidsocial", `${SITE}/?utm_source=reddit&utm_medium=paidsocial`, null, { channel: "paid_social", source: "reddit", medium: "paidsocial" }],
  ["social", `${SITE}/?utm_source=twitter&utm_medium=social`, "https://t.co/", { channel: "social", source: "twitter", medium: "social" }],
  ["sm", `${SITE}/?utm_source=pinterest&utm_medium=sm`, null, { channel: "social", source: "pinterest", medium: "sm" }],
  ["social-network", `${SITE}/?utm_source=nextdoor&utm_medium=social-network`, null, { channel: "social", source: "nextdoor", medium: "social-network" }],
  ["email", `${SITE}/?utm_source=mailchimp&utm_medium=email&utm_campaign=may_promo&utm_content=hero_cta`, null, { channel: "email", source: "mailchimp", medium: "email", campaign: "may_promo", content: "hero_cta" }],
  ["e-mail", `${SITE}/?utm_source=klaviyo&utm_medium=e-mail`, null, { channel: "email", source: "klaviyo", medium: "e-mail" }],
  ["newsletter", `${SITE}/?utm_source=weekly&utm_medium=newsletter`, "https://mail.google.com/", { channel: "email", source: "weekly", medium: "newsletter" }],
  ["display", `${SITE}/?utm_source=dv360&utm_medium=display`, "https://www.weather.com/", { channel: "display", source: "dv360", medium: "display" }],
  ["banner", `${SITE}/?utm_source=localnews&utm_medium=banner`, null, { channel: "display", source: "localnews", medium: "banner" }],
  ["cpm", `${SITE}/?utm_source=tradedesk&utm_medium=cpm`, null, { channel: "display", source: "tradedesk", medium: "cpm" }],
  ["programmatic", `${SITE}/?utm_source=stackadapt&utm_medium=programmatic`, null, { channel: "display", source: "stackadapt", medium: "programmatic" }],
  ["affiliate", `${SITE}/?utm_source=cj&utm_medium=affiliate`, "https://www.couponsite.com/", { channel: "affiliate", source: "cj", medium: "affiliate" }],
  ["partner", `${SITE}/?utm_source=homeadvisor&utm_medium=partner`, null, { channel: "affiliate", source: "homeadvisor", medium: "partner" }],
  ["referral medium", `${SITE}/?utm_source=yelp&utm_medium=referral`, null, { channel: "referral", source: "yelp", medium: "referral" }],
  ["organic medium (Google Business Profile)", `${SITE}/?utm_source=gmb&utm_medium=organic&utm_campaign=gbp_listing`, "https://www.google.com/", { channel: "organic_search", source: "gmb", medium: "organic" }],
  ["medium without source takes the referrer's", `${SITE}/?utm_medium=email`, "https://outlook.live.com/", { channel: "email", source: "outlook", medium: "email" }],
  ["utm_source as a host", `${SITE}/?utm_source=facebook.com&utm_medium=cpc`, null, { channel: "paid_social", source: "facebook", medium: "cpc" }],
  ["unknown medium falls back to the referrer", `${SITE}/?utm_source=google&utm_medium=qr`, "https://www.google.com/", { channel: "organic_search", source: "google", medium: "qr" }],
  ["unknown tags keep the referrer's channel", `${SITE}/?utm_source=Flyer&utm_medium=Print`, "https://www.google.com/", { channel: "organic_search", source: "flyer", medium: "print" }],
  ["unknown tags from another site", `${SITE}/?utm_source=angi&utm_medium=listing`, "https://www.angi.com/", { channel: "referral", source: "angi", medium: "listing" }],
  ["source only: tagged link without referrer", `${SITE}/?utm_source=chatgpt.com`, null, { channel: "referral", source: "chatgpt.com", medium: "referral" }],
  ["source only: social network", `${SITE}/?utm_source=instagram`, null, { channel: "social", source: "instagram", medium: "social" }],
  ["source only: newsletter", `${SITE}/?utm_source=newsletter&utm_campaign=june`, null, { channel: "email", source: "newsletter", medium: "email", campaign: "june" }],
  // Referrers
  ["google search", `${SITE}/`, "https://www.google.com/", { channel: "organic_search", source: "google", medium: "organic" }],
  ["google country domain", `${SITE}/`, "https://www.google.co.uk/", { channel: "organic_search", source: "google", medium: "organic" }],
  ["google app on android", `${SITE}/`, "android-app://com.google.android.googlequicksearchbox/", { channel: "organic_search", source: "google", medium: "organic" }],
  ["bing", `${SITE}/services`, "https://www.bing.com/search?q=plumber", { channel: "organic_search", source: "bing", medium: "organic" }],
  ["yahoo", `${SITE}/`, "https://search.yahoo.com/", { channel: "organic_search", source: "yahoo", medium: "organic" }],
  ["duckduckgo", `${SITE}/`, "https://duckduckgo.com/", { channel: "organic_search", source: "duckduckgo", medium: "organic" }],
  ["baidu", `${SITE}/`, "https://www.baidu.com/link?url=x", { channel: "organic_search", source: "baidu", medium: "organic" }],
  ["yandex", `${SITE}/`, "https://yandex.ru/", { channel: "organic_search", source: "yandex", medium: "organic" }],
  ["ecosia", `${SITE}/`, "https://www.ecosia.org/", { channel: "organic_search", source: "ecosia", medium: "organic" }],
  ["brave", `${SITE}/`, "https://search.brave.com/", { channel: "organic_search", source: "brave", medium: "organic" }],
  ["startpage", `${SITE}/`, "https://www.startpage.com/", { channel: "organic_search", source: "startpage", medium: "organic" }],
  ["naver", `${SITE}/`, "https://search.naver.com/search.naver?query=x", { channel: "organic_search", source: "naver", medium: "organic" }],
  ["seznam", `${SITE}/`, "https://search.seznam.cz/", { channel: "organic_search", source: "seznam", medium: "organic" }],
  ["facebook link shim", `${SITE}/`, "https://l.facebook.com/", { channel: "social", source: "facebook", medium: "social" }],
  ["facebook mobile", `${SITE}/`, "https://m.facebook.com/", { channel: "social", source: "facebook", medium: "social" }],
  ["instagram", `${SITE}/`, "https://www.instagram.com/", { channel: "social", source: "instagram", medium: "social" }],
  ["t.co", `${SITE}/`, "https://t.co/AbC123", { channel: "social", source: "twitter", medium: "social" }],
  ["x.com", `${SITE}/`, "https://x.com/", { channel: "social", source: "twitter", medium: "social" }],
  ["linkedin", `${SITE}/`, "https://www.linkedin.com/", { channel: "social", source: "linkedin", medium: "social" }],
  ["lnkd.in", `${SITE}/`, "https://lnkd.in/eXyZ", { channel: "social", source: "linkedin", medium: "social" }],
  ["pinterest country domain", `${SITE}/`, "https://www.pinterest.co.uk/", { channel: "social", source: "pinterest", medium: "social" }],
  ["reddit", `${SITE}/`, "https://old.reddit.com/r/HomeImprovement/", { channel: "social", source: "reddit", medium: "social" }],
  ["youtube", `${SITE}/`, "https://www.youtube.com/", { channel: "social", source: "youtube", medium: "social" }],
  ["tiktok", `${SITE}/`, "https://www.tiktok.com/", { channel: "social", source: "tiktok", medium: "social" }],
  ["gmail", `${SITE}/`, "https://mail.google.com/", { channel: "email", source: "gmail", medium: "email" }],
  ["outlook", `${SITE}/`, "https://outlook.live.com/", { channel: "email", source: "outlook", medium: "email" }],
  ["yahoo mail", `${SITE}/`, "https://mail.yahoo.com/", { channel: "email", source: "yahoo_mail", medium: "email" }],
  ["google docs is not a search", `${SITE}/`, "https://docs.google.com/document/d/1", { channel: "referral", source: "docs.google.com", medium: "referral" }],
  ["other site", `${SITE}/`, "https://www.yelp.com/biz/acme-plumbing", { channel: "referral", source: "yelp.com", medium: "referral" }],
  ["other site, subdomain kept", `${SITE}/`, "https://blog.homeadvisor.com/post", { channel: "referral", source: "blog.homeadvisor.com", medium: "referral" }],
  ["same site", `${SITE}/contact`, "https://www.acmeplumbing.com/services", { channel: "direct", source: null, medium: null }],
  ["same site with and without www", `${SITE}/contact`, "https://acmeplumbing.com/", { channel: "direct", source: null, medium: null }],
  ["no referrer", `${SITE}/`, null, { channel: "direct", source: null, medium: null }],
  ["empty referrer", `${SITE}/`, "", { channel: "direct", source: null, medium: null }],
  // Malformed input
  ["malformed referrer", `${SITE}/`, "not a url", { channel: "direct", source: null, medium: null }],
  ["malformed url", "ht!tp:/%%%", null, { channel: "direct", source: null, medium: null }],
  ["malformed url, referrer still counts", "::::", "https://www.bing.com/", { channel: "organic_search", source: "bing", medium: "organic" }],
  ["relative url keeps its tags", "/landing?utm_source=google&utm_medium=cpc&gclid=%E0%A4%A", null, { channel: "paid_search", source: "google", medium: "cpc", clickIds: { gclid: "\uFFFD%A" } }],
  ["empty tags are ignored", `${SITE}/?utm_source=&utm_medium=&gclid=`, null, { channel: "direct", source: null, medium: null, clickIds: {} }],
  ["tags after # are not query", `${SITE}/#/x?utm_source=google&utm_medium=cpc`, null, { channel: "direct", source: null, medium: null }],
];

describe("classifyVisit", () => {
  it.each(CASES)("%s", (_what, url, referrer, expected) => {
    const touch = classifyVisit({ url, referrer });
    expect(touch).toMatchObject(expected);
    if (expected.clickIds) expect(touch.clickIds).toEqual(expected.clickIds);
  });

  it("covers every channel in the table", () => {
    const seen = new Set(CASES.map(([, , , expected]) => expected.channel));
    expect([...seen].sort()).toEqual([...CHANNELS].sort());
  });

  it("returns a complete touch with null tags when untagged", () => {
    expect(classifyVisit({ url: `${SITE}/`, referrer: "https://www.google.com/" })).toEqual({
      channel: "organic_search",
      source: "google",
      medium: "organic",
      campaign: null,
      term: null,
      content: null,
      clickIds: {},
    });
  });

  it("captures every click id present", () => {
    const url = `${SITE}/?gclid=a&gbraid=b&wbraid=c&msclkid=d&fbclid=e&ttclid=f&li_fat_id=g`;
    expect(classifyVisit({ url, referrer: null }).clickIds).toEqual({
      gclid: "a",
      gbraid: "b",
      wbraid: "c",
      msclkid: "d",
      fbclid: "e",
      ttclid: "f",
      li_fat_id: "g",
    });
  });

  it("treats the configured site host as same-site", () => {
    const visit = { url: "https://acme.pages.dev/", referrer: "https://www.acmeplumbing.com/" };
    expect(classifyVisit(visit).channel).toBe("referral");
    expect(classifyVisit({ ...visit, siteHost: "acmeplumbing.com" }).channel).toBe("direct");
    expect(classifyVisit({ ...visit, siteHost: "WWW.AcmePlumbing.com" }).channel).toBe("direct");
    expect(classifyVisit({ ...visit, siteHost: "acmeplumbing.com:443" }).channel).toBe("direct");
  });
});
