import type { Channel, ClickIdName } from "../visit";

/**
 * utm_medium -> channel. Keys are lower-case with "-" and " " folded to "_", so
 * "Paid-Social" and "paid social" both read "paid_social".
 */
export const MEDIUM_CHANNELS: Readonly<Record<string, Channel>> = {
  cpc: "paid_search",
  ppc: "paid_search",
  paidsearch: "paid_search",
  paid_search: "paid_search",
  sem: "paid_search",
  paid: "paid_search",
  paid_social: "paid_social",
  paidsocial: "paid_social",
  social_paid: "paid_social",
  social_ads: "paid_social",
  social: "social",
  social_network: "social",
  social_media: "social",
  sm: "social",
  organic_social: "social",
  email: "email",
  e_mail: "email",
  newsletter: "email",
  display: "display",
  banner: "display",
  cpm: "display",
  programmatic: "display",
  affiliate: "affiliate",
  affiliates: "affiliate",
  partner: "affiliate",
  partners: "affiliate",
  referral: "referral",
  organic: "organic_search",
};

/**
 * Click ids that only an ad click carries, in precedence order when a URL has several.
 * fbclid is not here: Facebook and Instagram append it to every outbound link, organic
 * posts included, so on its own it says "social", not "paid".
 */
export const AD_CLICK_IDS: readonly { id: ClickIdName; channel: Channel; source: string }[] = [
  { id: "gclid", channel: "paid_search", source: "google" },
  { id: "gbraid", channel: "paid_search", source: "google" },
  { id: "wbraid", channel: "paid_search", source: "google" },
  { id: "msclkid", channel: "paid_search", source: "bing" },
  { id: "ttclid", channel: "paid_social", source: "tiktok" },
  { id: "li_fat_id", channel: "paid_social", source: "linkedin" },
];
