import { describe, expect, it } from "vitest";
import { knownSource, referrerDomain } from "./referrer";

describe("referrerDomain", () => {
  it.each([
    ["https://www.Google.com/search?q=plumber", "google.com"],
    ["https://l.facebook.com/l.php?u=x", "l.facebook.com"],
    ["http://example.org:8080/a", "example.org"],
    ["https://www2.example.org/", "www2.example.org"],
    ["https://google.com./", "google.com"],
    ["android-app://com.google.android.gm/", "com.google.android.gm"],
    ["  https://www.bing.com/  ", "bing.com"],
  ])("%s -> %s", (referrer, domain) => {
    expect(referrerDomain(referrer)).toBe(domain);
  });

  it.each([[null], [""], ["google.com"], ["not a url"], ["/relative/path"], ["https://"]])(
    "%s -> null",
    (referrer) => {
      expect(referrerDomain(referrer)).toBeNull();
    },
  );
});

describe("knownSource", () => {
  it("matches country domains for wildcard patterns but not subdomains", () => {
    expect(knownSource("google.com.au")).toEqual({ name: "google", kind: "search" });
    expect(knownSource("www.google.de")).toEqual({ name: "google", kind: "search" });
    expect(knownSource("news.google.com")).toBeNull();
    expect(knownSource("google.evil.example")).toBeNull();
  });

  it("matches subdomains for plain patterns, on label boundaries", () => {
    expect(knownSource("lm.facebook.com")).toEqual({ name: "facebook", kind: "social" });
    expect(knownSource("notfacebook.com")).toBeNull();
    expect(knownSource("bing.com.evil.example")).toBeNull();
  });

  it("puts webmail before search", () => {
    expect(knownSource("mail.google.com")).toEqual({ name: "gmail", kind: "webmail" });
  });
});
