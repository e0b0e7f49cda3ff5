import { describe, expect, it } from "vitest";
import { type CallStatus, isTerminalStatus, statusRank } from "./call-event";
import { normalizeCaller } from "./caller-id";

describe("statusRank", () => {
  it("orders live states before every terminal state", () => {
    const live: CallStatus[] = ["queued", "ringing", "in_progress"];
    const terminal: CallStatus[] = ["completed", "busy", "no_answer", "failed", "canceled"];
    expect(live.map(statusRank)).toEqual([0, 1, 2]);
    for (const status of terminal) {
      expect(statusRank(status)).toBeGreaterThan(statusRank("in_progress"));
      expect(isTerminalStatus(status)).toBe(true);
    }
    expect(live.some(isTerminalStatus)).toBe(false);
  });

  it("lets no terminal status replace another", () => {
    expect(statusRank("busy")).toBe(statusRank("completed"));
  });
});

describe("normalizeCaller", () => {
  it.each([
    "anonymous",
    "Anonymous",
    "ANONYMOUS",
    "+266696687",
    "266696687",
    "Restricted",
    "RESTRICTED",
    "+7378742833",
    "Unknown",
    "UNAVAILABLE",
    "+86282452253",
    "Private",
    "Blocked",
    "",
    "  ",
    undefined,
  ])("treats %j as a withheld caller", (value) => {
    expect(normalizeCaller(value)).toBe("anonymous");
  });

  it("keeps real numbers and other addresses, trimmed", () => {
    expect(normalizeCaller(" +14155550123 ")).toBe("+14155550123");
    expect(normalizeCaller("client:alice")).toBe("client:alice");
    expect(normalizeCaller("+2665123456")).toBe("+2665123456");
  });
});
