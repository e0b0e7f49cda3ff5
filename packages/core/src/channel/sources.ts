/**
 * Who sent a visit, by referrer host. A pattern "google.*" matches google.com,
 * www.google.co.uk and google.com.au but not docs.google.com; any other pattern matches the
 * host and its subdomains ("facebook.com" covers l.facebook.com and m.facebook.com). Android
 * apps send their package name as an `android-app://` referrer host.
 */
export interface SourceRule {
  /** Normalised source name written to the touch. */
  name: string;
  hosts: readonly string[];
}

/** Checked before search engines: mail.google.com is Gmail, not Google search. */
export const WEBMAIL: readonly SourceRule[] = [
  { name: "gmail", hosts: ["mail.google.com", "com.google.android.gm"] },
  {
    name: "outlook",
    hosts: ["outlook.live.com", "outlook.office.com", "outlook.office365.com", "outlook.com"],
  },
  { name: "yahoo_mail", hosts: ["mail.yahoo.com", "mail.yahoo.co.jp"] },
  { name: "aol_mail", hosts: ["mail.aol.com"] },
  { name: "proton_mail", hosts: ["mail.proton.me"] },
];

export const SEARCH_ENGINES: readonly SourceRule[] = [
  { name: "google", hosts: ["google.*", "com.google.android.googlequicksearchbox"] },
  { name: "bing", hosts: ["bing.com"] },
  { name: "yahoo", hosts: ["search.yahoo.com", "search.yahoo.co.jp", "yahoo.*"] },
  { name: "duckduckgo", hosts: ["duckduckgo.com"] },
  { name: "baidu", hosts: ["baidu.com"] },
  { name: "yandex", hosts: ["yandex.*", "ya.ru"] },
  { name: "ecosia", hosts: ["ecosia.org"] },
  { name: "brave", hosts: ["search.brave.com"] },
  { name: "startpage", hosts: ["startpage.com"] },
  { name: "naver", hosts: ["naver.com"] },
  { name: "seznam", hosts: ["seznam.cz"] },
  { name: "qwant", hosts: ["qwant.com"] },
  { name: "aol", hosts: ["search.aol.com"] },
  { name: "ask", hosts: ["ask.com"] },
  { name: "sogou", hosts: ["sogou.com"] },
  { name: "daum", hosts: ["search.daum.net"] },
];

export const SOCIAL_NETWORKS: readonly SourceRule[] = [
  {
    name: "facebook",
    hosts: ["facebook.com", "fb.com", "fb.me", "messenger.com", "com.facebook.katana"],
  },
  { name: "instagram", hosts: ["instagram.com", "com.instagram.android"] },
  { name: "twitter", hosts: ["twitter.com", "x.com", "t.co"] },
  { name: "linkedin", hosts: ["linkedin.com", "lnkd.in", "com.linkedin.android"] },
  { name: "pinterest", hosts: ["pinterest.*", "pin.it"] },
  { name: "reddit", hosts: ["reddit.com", "redd.it"] },
  { name: "youtube", hosts: ["youtube.com", "youtu.be"] },
  { name: "tiktok", hosts: ["tiktok.com"] },
  { name: "snapchat", hosts: ["snapchat.com"] },
  { name: "threads", hosts: ["threads.net", "threads.com"] },
  { name: "whatsapp", hosts: ["whatsapp.com", "wa.me"] },
  { name: "tumblr", hosts: ["tumblr.com"] },
  { name: "quora", hosts: ["quora.com"] },
  { name: "vk", hosts: ["vk.com"] },
  { name: "nextdoor", hosts: ["nextdoor.com"] },
  { name: "bluesky", hosts: ["bsky.app"] },
  { name: "mastodon", hosts: ["mastodon.social"] },
  { name: "telegram", hosts: ["t.me", "telegram.org"] },
];

/**
 * utm_source spellings that name a source above differently. A utm_source that is a host
 * ("facebook.com", "google.co.uk") is resolved through the host tables instead.
 */
export const SOURCE_ALIASES: Readonly<Record<string, string>> = {
  fb: "facebook",
  meta: "facebook",
  ig: "instagram",
  x: "twitter",
  li: "linkedin",
  yt: "youtube",
  tt: "tiktok",
  adwords: "google",
  googleads: "google",
  google_ads: "google",
  microsoft: "bing",
  msn: "bing",
};

/** utm_source values that say "email" without naming a mail client. */
export const EMAIL_SOURCES: ReadonlySet<string> = new Set([
  "email",
  "e-mail",
  "e_mail",
  "newsletter",
]);
