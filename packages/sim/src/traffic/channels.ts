import type { Channel } from "@ringtrail/core";
import type { Rng } from "../random";

export const SITE_ORIGIN = "https://shop.example";
const PAGES = [
  "/",
  "/pricing",
  "/services/repair",
  "/contact",
  "/blog/how-to-choose",
  "/locations",
];

export interface Landing {
  url: string;
  referrer: string | null;
}

const token = (rng: Rng) => rng.int(0x7fffffff).toString(36) + rng.int(0x7fffffff).toString(36);

/**
 * A landing page URL and referrer that core's classifier (and so the server) reads as the
 * given channel: click ids for ads, utm tags for tagged campaigns, referrers for the rest.
 */
export function landing(channel: Channel, rng: Rng): Landing {
  const page = `${SITE_ORIGIN}${rng.pick(PAGES)}`;
  switch (channel) {
    case "paid_search": {
      const engine = rng.chance(0.85) ? "google" : "bing";
      const id = engine === "google" ? `gclid=${token(rng)}` : `msclkid=${token(rng)}`;
      const campaign = rng.pick(["brand", "generic", "local"]);
      return {
        url: `${page}?utm_source=${engine}&utm_medium=cpc&utm_campaign=${campaign}&${id}`,
        referrer: `https://www.${engine}.com/`,
      };
    }
    case "organic_search":
      return {
        url: page,
        referrer: rng.pick([
          "https://www.google.com/",
          "https://www.bing.com/",
          "https://duckduckgo.com/",
        ]),
      };
    case "paid_social":
      return {
        url: `${page}?utm_source=facebook&utm_medium=paid_social&utm_campaign=spring&fbclid=${token(rng)}`,
        referrer: "https://m.facebook.com/",
      };
    case "social":
      return rng.chance(0.5)
        ? { url: `${page}?fbclid=${token(rng)}`, referrer: "https://l.facebook.com/" }
        : { url: page, referrer: "https://www.reddit.com/" };
    case "email":
      return {
        url: `${page}?utm_source=newsletter&utm_medium=email&utm_campaign=monthly`,
        referrer: null,
      };
    case "display":
      return {
        url: `${page}?utm_source=criteo&utm_medium=display&utm_campaign=retarget`,
        referrer: null,
      };
    case "affiliate":
      return {
        url: `${page}?utm_source=dealfinder&utm_medium=affiliate`,
        referrer: "https://dealfinder.example/",
      };
    case "referral":
      return {
        url: page,
        referrer: rng.pick(["https://localguide.example/reviews", "https://news.example/article"]),
      };
    case "direct":
      return { url: page, referrer: null };
  }
}

/** A page deeper in the site, reached by a link from the previous one. */
export function innerPage(rng: Rng): Landing {
  return { url: `${SITE_ORIGIN}${rng.pick(PAGES)}`, referrer: `${SITE_ORIGIN}/` };
}
