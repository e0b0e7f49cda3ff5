import { describe, expect, it } from "vitest";
import { type Agent, onDuty, type Shift } from "./on-duty";
import { clockData, scheduleData } from "./schedule-data";

const WEEKDAYS = "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

function agent(id: string, overrides: Partial<Agent> = {}): Agent {
  return {
    id,
    contacts: { voice: "+14155550111", sms: "+14155550111", email: `${id}@example.com` },
    channelTypes: ["voice", "sms", "email"],
    ...overrides,
  };
}

function shift(agentId: string, timeZone: string, rrule: string, durationMinutes: number): Shift {
  return { id: `shf_${agentId}`, agentId, timeZone, rrule, durationMinutes };
}

const nineToFive = (agentId: string, timeZone: string) =>
  shift(agentId, timeZone, `DTSTART:20260105T090000\n${WEEKDAYS}`, 480);
const overnight = (agentId: string) =>
  shift(agentId, "America/New_York", "DTSTART:20260101T220000\nRRULE:FREQ=DAILY", 480);

function who(
  agents: Agent[],
  shifts: Shift[],
  iso: string,
  channelType: Agent["channelTypes"][number] = "voice",
) {
  return onDuty(agents, shifts, { now: new Date(iso), channelType }).onDuty.map((a) => a.agentId);
}

describe("onDuty across DST in America/New_York", () => {
  const agents = [agent("agt_ny")];
  const shifts = [nineToFive("agt_ny", "America/New_York")];

  it.each([
    ["Fri before spring forward, 09:00 EST", "2026-03-06T14:00:00Z", ["agt_ny"]],
    ["Fri before spring forward, 08:59 EST", "2026-03-06T13:59:00Z", []],
    ["Mon after spring forward, 09:00 EDT", "2026-03-09T13:00:00Z", ["agt_ny"]],
    ["Mon after spring forward, 08:59 EDT", "2026-03-09T12:59:00Z", []],
    ["Mon after spring forward, 16:59 EDT", "2026-03-09T20:59:00Z", ["agt_ny"]],
    ["Mon after spring forward, 17:00 EDT", "2026-03-09T21:00:00Z", []],
    ["Fri before fall back, 09:30 EDT", "2026-10-30T13:30:00Z", ["agt_ny"]],
    ["Mon after fall back, 08:30 EST", "2026-11-02T13:30:00Z", []],
    ["Mon after fall back, 09:00 EST", "2026-11-02T14:00:00Z", ["agt_ny"]],
    ["Sunday", "2026-03-08T15:00:00Z", []],
  ])("%s", (_label, iso, expected) => {
    expect(who(agents, shifts, iso)).toEqual(expected);
  });

  it("ends an overnight shift at 06:00 local across spring forward (7 real hours)", () => {
    const night = [overnight("agt_ny")];
    expect(who(agents, night, "2026-03-08T03:00:00Z")).toEqual(["agt_ny"]); // 22:00 EST Sat
    expect(who(agents, night, "2026-03-08T09:59:00Z")).toEqual(["agt_ny"]); // 05:59 EDT
    expect(who(agents, night, "2026-03-08T10:00:00Z")).toEqual([]); // 06:00 EDT
  });

  it("ends an overnight shift at 06:00 local across fall back (9 real hours)", () => {
    const night = [overnight("agt_ny")];
    expect(who(agents, night, "2026-11-01T02:00:00Z")).toEqual(["agt_ny"]); // 22:00 EDT Sat
    expect(who(agents, night, "2026-11-01T10:59:00Z")).toEqual(["agt_ny"]); // 05:59 EST
    expect(who(agents, night, "2026-11-01T11:00:00Z")).toEqual([]); // 06:00 EST
  });

  it("moves a start skipped by spring forward later by the gap, keeping the shift's length", () => {
    const early = [
      shift("agt_ny", "America/New_York", "DTSTART:20260101T023000\nRRULE:FREQ=DAILY", 60),
    ];
    expect(who(agents, early, "2026-03-08T07:29:00Z")).toEqual([]); // 02:29 does not exist; 03:29 EDT
    expect(who(agents, early, "2026-03-08T07:30:00Z")).toEqual(["agt_ny"]); // 03:30 EDT
    expect(who(agents, early, "2026-03-08T08:29:00Z")).toEqual(["agt_ny"]);
    expect(who(agents, early, "2026-03-08T08:30:00Z")).toEqual([]);
  });

  it("reports when the covering shift ends", () => {
    const result = onDuty(agents, shifts, {
      now: new Date("2026-03-09T15:00:00Z"),
      channelType: "voice",
    });
    expect(result).toEqual({
      onDuty: [
        {
          agentId: "agt_ny",
          contact: "+14155550111",
          shiftId: "shf_agt_ny",
          endsAt: new Date("2026-03-09T21:00:00Z"),
        },
      ],
      invalidShifts: [],
    });
  });
});

describe("onDuty across time zones and channel types", () => {
  const agents = [agent("agt_ny"), agent("agt_london"), agent("agt_la")];
  const shifts = [
    nineToFive("agt_ny", "America/New_York"),
    nineToFive("agt_london", "Europe/London"),
    nineToFive("agt_la", "America/Los_Angeles"),
  ];

  it("finds each agent by their own zone, including the weeks the US and UK disagree on DST", () => {
    // 2026-03-10: New York is on EDT, London still on GMT.
    expect(who(agents, shifts, "2026-03-10T13:30:00Z")).toEqual(["agt_ny", "agt_london"]);
    expect(who(agents, shifts, "2026-03-10T17:00:00Z")).toEqual(["agt_ny", "agt_la"]);
    expect(who(agents, shifts, "2026-03-10T23:30:00Z")).toEqual(["agt_la"]);
    expect(who(agents, shifts, "2026-03-11T00:00:00Z")).toEqual([]);
  });

  it("uses the contact for the channel type and only agents serving it", () => {
    const mixed = [
      agent("agt_ny", { channelTypes: ["voice"] }),
      agent("agt_london", {
        contacts: { voice: "+442079460000", chat: "@london" },
        channelTypes: ["voice", "chat"],
      }),
    ];
    const at = "2026-03-10T14:30:00Z";
    expect(who(mixed, shifts, at, "sms")).toEqual([]);
    expect(onDuty(mixed, shifts, { now: new Date(at), channelType: "chat" }).onDuty).toMatchObject([
      { agentId: "agt_london", contact: "@london" },
    ]);
  });

  it("skips invalid shifts and says why", () => {
    const bad: Shift[] = [
      { ...nineToFive("agt_ny", "Mars/Olympus"), id: "shf_zone" },
      {
        ...nineToFive("agt_ny", "America/New_York"),
        id: "shf_tzid",
        rrule: `DTSTART;TZID=America/New_York:20260105T090000\n${WEEKDAYS}`,
      },
      { ...nineToFive("agt_ny", "America/New_York"), id: "shf_long", durationMinutes: 0 },
    ];
    expect(
      onDuty(agents, bad, { now: new Date("2026-03-10T14:30:00Z"), channelType: "voice" }),
    ).toEqual({
      onDuty: [],
      invalidShifts: [
        { shiftId: "shf_zone", message: 'unknown time zone "Mars/Olympus"' },
        {
          shiftId: "shf_tzid",
          message: "DTSTART must be a floating local time; the zone comes from timeZone",
        },
        { shiftId: "shf_long", message: "durationMinutes must be an integer from 1 to 10080" },
      ],
    });
  });
});

describe("source data builders", () => {
  it("scheduleData lists on-duty contacts per channel type", () => {
    const data = scheduleData(
      [agent("agt_ny")],
      [nineToFive("agt_ny", "America/New_York")],
      new Date("2026-03-09T13:00:00Z"),
    );
    expect(data.on_duty).toEqual({
      voice: [{ agent_id: "agt_ny", contact: "+14155550111" }],
      sms: [{ agent_id: "agt_ny", contact: "+14155550111" }],
      email: [{ agent_id: "agt_ny", contact: "agt_ny@example.com" }],
      chat: [],
    });
  });

  it("clockData gives the local time, weekday and holiday flag", () => {
    expect(clockData(new Date("2026-12-25T14:05:00Z"), "America/New_York", ["2026-12-25"])).toEqual(
      {
        date: "2026-12-25",
        hour: 9,
        minute: 5,
        weekday: "fri",
        holiday: true,
      },
    );
    expect(clockData(new Date("2026-03-09T03:30:00Z"), "America/New_York")).toMatchObject({
      date: "2026-03-08",
      hour: 23,
      weekday: "sun",
      holiday: false,
    });
  });
});
