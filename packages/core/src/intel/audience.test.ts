import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashAudienceMember, normalizeEmail, normalizePhone, sha256Hex } from "./audience";

const reference = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it.each(["", "abc", "+14155550123", "jöhn.doe@example.com"])(
    "matches node:crypto for %j",
    async (text) => {
      expect(await sha256Hex(text)).toBe(reference(text));
    },
  );

  it("matches the FIPS 180-2 vector for abc", async () => {
    expect(await sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

describe("normalizeEmail", () => {
  it.each([
    ["  John.Doe+ads@Gmail.com ", "google", "johndoe+ads@gmail.com"],
    ["John.Doe@googlemail.com", "google", "johndoe@googlemail.com"],
    ["John.Doe@Example.com", "google", "john.doe@example.com"],
    ["  John.Doe+ads@Gmail.com ", "meta", "john.doe+ads@gmail.com"],
    ["not an email", "meta", null],
    ["@example.com", "google", null],
    ["me@", "google", null],
  ] as const)("%j for %s -> %j", (input, platform, expected) => {
    expect(normalizeEmail(input, platform)).toBe(expected);
  });
});

describe("normalizePhone", () => {
  it.each([
    ["+1 (415) 555-0123", "google", undefined, "+14155550123"],
    ["+1 (415) 555-0123", "meta", undefined, "14155550123"],
    ["(415) 555-0123", "meta", "US", "14155550123"],
    ["020 7946 0958", "google", "GB", "+442079460958"],
    ["020 7946 0958", "meta", "GB", "442079460958"],
    ["555-0123", "google", "US", null],
    ["call me", "meta", "US", null],
  ] as const)("%j for %s (%s) -> %j", (input, platform, country, expected) => {
    expect(normalizePhone(input, platform, country)).toBe(expected);
  });
});

describe("hashAudienceMember", () => {
  it("hashes each platform's normal form", async () => {
    const member = { email: " Jane.Roe@Gmail.com", phone: "(415) 555-0123" };
    expect(await hashAudienceMember(member, "google", "US")).toEqual({
      email: reference("janeroe@gmail.com"),
      phone: reference("+14155550123"),
    });
    expect(await hashAudienceMember(member, "meta", "US")).toEqual({
      email: reference("jane.roe@gmail.com"),
      phone: reference("14155550123"),
    });
  });

  it("passes digests through and drops what is missing or invalid", async () => {
    const digest = reference("x@example.com").toUpperCase();
    expect(await hashAudienceMember({ email: digest, phone: "12" }, "meta")).toEqual({
      email: digest.toLowerCase(),
      phone: null,
    });
    expect(await hashAudienceMember({}, "google")).toEqual({ email: null, phone: null });
  });
});
