import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../testing/local-server";
import { SmsSendError, sendSms } from "./sms-sender";

let fake: LocalServer;
let status = 200;

beforeAll(async () => {
  fake = await startLocalServer((req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(
      req.path === "/v2/messages"
        ? JSON.stringify({ data: { id: "40317a1e-telnyx" } })
        : JSON.stringify({ sid: "SMtwilio" }),
    );
  });
});
afterAll(() => fake.close());

const base = () => ({ twilio: fake.origin, telnyx: fake.origin });
const message = { from: "+18005550100", to: "+14155550100", body: "Hello & welcome" };

describe("sendSms", () => {
  it("posts Telnyx v2 messages as JSON with the Bearer API key", async () => {
    status = 200;
    const sent = await sendSms(base(), { carrier: "telnyx", apiKey: "KEY123" }, message);
    expect(sent).toEqual({ id: "40317a1e-telnyx" });
    const req = fake.received.at(-1);
    expect(req?.method).toBe("POST");
    expect(req?.headers.authorization).toBe("Bearer KEY123");
    expect(JSON.parse(req?.body ?? "")).toEqual({
      from: "+18005550100",
      to: "+14155550100",
      text: "Hello & welcome",
    });
  });

  it("tells a permanent refusal from one worth retrying", async () => {
    const twilio = { carrier: "twilio", accountSid: "AC1", authToken: "t" } as const;
    status = 400;
    await expect(sendSms(base(), twilio, message)).rejects.toMatchObject({ retryable: false });
    status = 503;
    await expect(sendSms(base(), twilio, message)).rejects.toMatchObject({ retryable: true });
    await expect(
      sendSms({ twilio: "http://127.0.0.1:9", telnyx: "" }, twilio, message),
    ).rejects.toBeInstanceOf(SmsSendError);
  });
});
