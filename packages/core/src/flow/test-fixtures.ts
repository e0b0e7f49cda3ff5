import { expect } from "vitest";
import type { Flow } from "./types";
import { validateFlow } from "./validate";

export const ALLOW = ["https://crm.example.com"];

/** Business hours, VIP list, CRM tier, menu and on-duty fallback: every source kind. */
export function sampleDoc(): Record<string, unknown> {
  return {
    version: 1,
    sources: {
      caller: { type: "caller" },
      attribution: { type: "attribution" },
      schedule: { type: "schedule" },
      geo: { type: "geo" },
      clock: { type: "clock" },
      vip_list: { type: "table", name: "vip" },
      crm: {
        type: "http",
        url: "https://crm.example.com/lookup?phone={caller_number}",
        timeout_ms: 1500,
        ttl_s: 300,
        fallback: { tier: "standard" },
      },
    },
    start: "blocked",
    steps: {
      blocked: { when: "caller.blocked", hangup: {}, next: "vip" },
      vip: {
        when: "caller.vip || vip_list.listed || crm.tier == 'gold'",
        dial: { to: ["+14155550101"], timeout_s: 20, record: true, whisper: "VIP caller" },
        on_no_answer: "hours",
        next: "ads",
      },
      ads: {
        when: "attribution.channel == 'paid_search'",
        set: { tags: { lead: "ppc" } },
        next: "west",
      },
      west: { when: "geo.region == 'US-CA'", dial: { to: { group: "grp_west" } }, next: "hours" },
      hours: {
        when: "clock.weekday != 'sat' && clock.weekday != 'sun' && clock.hour >= 9 && clock.hour < 17",
        next: "closed",
        menu: {
          prompt: "Press 1 for sales, 2 for support.",
          digits: { "1": "sales", "2": "support" },
          speech: true,
          no_input: "hours",
        },
      },
      sales: {
        dial: { to: ["+14155550102", "+14155550103"], mode: "sequential" },
        on_no_answer: "mailbox",
      },
      support: {
        when: "size(schedule.on_duty.voice) > 0",
        route_on_duty: { channel_type: "voice" },
        next: "mailbox",
      },
      mailbox: { voicemail: { to: { email: "team@example.com" } } },
      closed: { say: { text: "We are closed." }, next: "closed_mailbox" },
      closed_mailbox: { voicemail: { to: { webhook: "https://crm.example.com/voicemail" } } },
    },
    default_target: { to: ["+14155550100"], caller_id: "+14155550199" },
  };
}

export function mustValidate(doc: unknown): Flow {
  const result = validateFlow(doc, { httpAllowList: ALLOW });
  if (!result.ok) expect.fail(JSON.stringify(result.errors));
  return result.flow;
}

export function errorsOf(doc: unknown): { path: string; message: string }[] {
  const result = validateFlow(doc, { httpAllowList: ALLOW });
  return result.ok ? [] : result.errors;
}

/** A doc with its steps replaced; `start` is the first step. */
export function withSteps(steps: Record<string, unknown>): Record<string, unknown> {
  return { ...sampleDoc(), start: Object.keys(steps)[0], steps };
}
