/** Business hours Mon–Fri 09:00–17:00 in the clock's zone, as a CEL condition. */
const IN_HOURS =
  "clock.weekday != 'sat' && clock.weekday != 'sun' && clock.hour >= 9 && clock.hour < 17";

/**
 * A sample template: in business hours a caller on the `vip` table rings the VIP desk, others
 * (and unanswered VIPs) ring whoever is on duty; out of hours, or with nobody on duty, the
 * caller is told so and leaves a voicemail. Used by the demo seed and the route tests.
 */
export function sampleFlowDocument(lines: {
  vipDesk: string;
  fallback: string;
  mailbox: string;
  /** The business's zone for `clock`; UTC when absent. */
  timeZone?: string;
}): Record<string, unknown> {
  return {
    version: 1,
    sources: {
      clock: { type: "clock", ...(lines.timeZone && { time_zone: lines.timeZone }) },
      vip_list: { type: "table", name: "vip", key: "caller_number" },
      schedule: { type: "schedule" },
    },
    start: "vip",
    steps: {
      vip: {
        when: `vip_list.listed && ${IN_HOURS}`,
        dial: { to: [lines.vipDesk], timeout_s: 20, whisper: "VIP caller" },
        on_no_answer: "on_duty",
        next: "on_duty",
      },
      on_duty: {
        when: IN_HOURS,
        route_on_duty: { channel_type: "voice" },
        on_no_answer: "closed",
        next: "closed",
      },
      closed: { say: { text: "Sorry, nobody can take your call right now." }, next: "mailbox" },
      mailbox: { voicemail: { to: { email: lines.mailbox } } },
    },
    default_target: { to: [lines.fallback] },
  };
}
