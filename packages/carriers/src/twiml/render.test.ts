import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { adapters } from "../index";
import type { ForwardDecision } from "../routing-decision";
import { renderTwiml } from "./render";

const { VoiceResponse } = twilio.twiml;

describe("renderTwiml matches twilio's VoiceResponse byte for byte", () => {
  it("forward with caller id, timeout, action, recording, whisper and two numbers", () => {
    const decision: ForwardDecision = {
      kind: "forward",
      to: ["+14155550100", "+14155550101"],
      callerId: "+18005550100",
      timeoutS: 20,
      actionUrl: "https://calls.example.com/v1/carriers/twilio/status?leg=dial&n=1",
      record: true,
      recordingCallbackUrl: "https://calls.example.com/v1/carriers/twilio/status?rec=1",
      whisperUrl: 'https://calls.example.com/whisper?c="Spring & <Sale>"',
      answerOnBridge: true,
    };
    const expected = new VoiceResponse();
    const dial = expected.dial({
      callerId: "+18005550100",
      timeout: 20,
      action: "https://calls.example.com/v1/carriers/twilio/status?leg=dial&n=1",
      method: "POST",
      record: "record-from-answer-dual",
      recordingStatusCallback: "https://calls.example.com/v1/carriers/twilio/status?rec=1",
      answerOnBridge: true,
    });
    dial.number({ url: 'https://calls.example.com/whisper?c="Spring & <Sale>"' }, "+14155550100");
    dial.number({ url: 'https://calls.example.com/whisper?c="Spring & <Sale>"' }, "+14155550101");
    expect(renderTwiml(decision)).toEqual({ contentType: "text/xml", body: expected.toString() });
  });

  it("minimal forward", () => {
    const expected = new VoiceResponse();
    expected.dial({ callerId: "+18005550100" }).number("+14155550100");
    const body = renderTwiml({
      kind: "forward",
      to: ["+14155550100"],
      callerId: "+18005550100",
    }).body;
    expect(body).toBe(expected.toString());
  });

  it("say then hang up, with characters that need escaping", () => {
    const text = `Sorry, "Bob's" number <isn't> in service & won't be.\r\nGoodbye`;
    const expected = new VoiceResponse();
    expected.say({ voice: "Polly.Joanna", language: "en-US" }, text);
    expected.hangup();
    const body = renderTwiml({
      kind: "say_hangup",
      text,
      voice: "Polly.Joanna",
      language: "en-US",
    }).body;
    expect(body).toBe(expected.toString());
  });

  it("hang up", () => {
    const expected = new VoiceResponse();
    expected.hangup();
    expect(renderTwiml({ kind: "hangup" }).body).toBe(expected.toString());
  });
});

describe("renderTwiml safety", () => {
  it("drops characters XML cannot carry instead of producing a document carriers reject", () => {
    const body = renderTwiml({ kind: "say_hangup", text: "a\u0000b\u001Fc\uFFFEd\uD800e" }).body;
    expect(body).toContain("<Say>abcde</Say>");
  });

  it("escapes quotes in attributes so a URL cannot add attributes", () => {
    const body = renderTwiml({
      kind: "forward",
      to: ["+14155550100"],
      whisperUrl: 'https://x.example/w" method="GET',
    }).body;
    expect(body).toContain('url="https://x.example/w&quot; method=&quot;GET"');
  });

  it("clamps the ring timeout to what each carrier accepts", () => {
    const decision = (timeoutS: number): ForwardDecision => ({
      kind: "forward",
      to: ["+14155550100"],
      timeoutS,
    });
    expect(adapters.twilio.render(decision(900)).body).toContain('timeout="600"');
    expect(adapters.telnyx.render(decision(900)).body).toContain('timeout="120"');
    expect(adapters.telnyx.render(decision(1)).body).toContain('timeout="5"');
    expect(adapters.signalwire.render(decision(25)).body).toContain('timeout="25"');
  });

  it("records only when asked, and sends the recording callback only then", () => {
    const plain = renderTwiml({
      kind: "forward",
      to: ["+14155550100"],
      recordingCallbackUrl: "https://x.example/rec",
    }).body;
    expect(plain).not.toContain("record");
  });
});
