import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beat, NY_CALLER, pageView, trackedTenant } from "../attribution/test-fixtures";
import { freshCallSid, postTwilio, voiceForm } from "../routes/carriers/webhook-fixtures";
import { call, createTestEnv, type TestEnv } from "../testing/app";
import { IP } from "../testing/fixtures";
import { actionUrl, postCallback, routeThroughFlow, traceOf } from "./flow-testing";

const ADS_DESK = "+12125550180";
const OTHERS = "+12125550181";

let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv({ geo: true });
});
afterAll(() => env.close());

describe("the attribution source", () => {
  it("sees the match made before the reply, at the webhook and after a menu callback", async () => {
    const t = await trackedTenant(env);
    const numbers = await call(env, "GET", "/v1/numbers", { key: t.read });
    const numberId = String(numbers.body.data[0].id);
    await routeThroughFlow(
      env,
      { ...t, number: t.numbers[0] as string, numberId },
      {
        version: 1,
        sources: { attribution: { type: "attribution" } },
        start: "tag",
        steps: {
          tag: {
            when: "attribution.matched && attribution.probability > 0.5",
            set: { tags: { source: "ads" } },
            next: "menu",
          },
          menu: { menu: { prompt: "Press 1.", digits: { "1": "ads" } } },
          ads: {
            when: "attribution.channel == 'paid_search'",
            dial: { to: [ADS_DESK] },
            next: "others",
          },
          others: { dial: { to: [OTHERS] } },
        },
        default_target: { to: [OTHERS] },
      },
    );
    const v = await pageView(env, t, { ip: IP.NY, url: "https://example.com/?gclid=g1" });
    env.clock.advance(60_000);
    await beat(env, v.session, v.number);
    env.clock.advance(30_000);
    const sid = freshCallSid();
    const form = voiceForm(v.number, sid, NY_CALLER);
    const menu = await (
      await postTwilio(env, "/v1/carriers/twilio/voice", form, t.authToken)
    ).text();
    const pressed = await postCallback(
      env,
      actionUrl(menu),
      { ...form, CallStatus: "in-progress", Digits: "1" },
      t.authToken,
    );
    expect(await pressed.text()).toContain(`<Number>${ADS_DESK}</Number>`);
    const { decisions } = await traceOf(env, { ...t, number: v.number, numberId }, sid);
    expect(decisions[0]?.decision?.tags).toEqual({ source: "ads" });
    expect(decisions[1]?.trace).toContainEqual({
      step: "ads",
      event: "condition",
      value: true,
      detail: "attribution.channel == 'paid_search' is true",
    });
  });
});
