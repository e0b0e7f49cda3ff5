import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { adapters } from "../index";
import type { RoutingDecision } from "../routing-decision";
import { readActionInput } from "./action-input";

const { VoiceResponse } = twilio.twiml;
const ACTION = "https://calls.example.com/v1/carriers/twilio/flow?s=abc.def&x=1";
const XML = '<?xml version="1.0" encoding="UTF-8"?>';

/** Every call-flow action, with the markup Twilio's own library builds for it. */
const CASES: { name: string; decision: RoutingDecision; twilio: () => string; texml: string }[] = [
  {
    name: "say and play, then dial in order (one number per step)",
    decision: {
      kind: "forward",
      prelude: [
        { kind: "say", text: "Connecting you & your <agent>" },
        { kind: "play", url: "https://cdn.example.com/hold.mp3" },
      ],
      to: ["+14155550100"],
      callerId: "+18005550100",
      timeoutS: 15,
      actionUrl: ACTION,
      record: true,
      recordingCallbackUrl: "https://calls.example.com/rec",
    },
    twilio: () => {
      const r = new VoiceResponse();
      r.say("Connecting you & your <agent>");
      r.play("https://cdn.example.com/hold.mp3");
      r.dial({
        callerId: "+18005550100",
        timeout: 15,
        action: ACTION,
        method: "POST",
        record: "record-from-answer-dual",
        recordingStatusCallback: "https://calls.example.com/rec",
      }).number("+14155550100");
      return r.toString();
    },
    texml: `${XML}<Response><Say>Connecting you &amp; your &lt;agent&gt;</Say><Play>https://cdn.example.com/hold.mp3</Play><Dial callerId="+18005550100" timeout="15" action="https://calls.example.com/v1/carriers/twilio/flow?s=abc.def&amp;x=1" method="POST" record="record-from-answer-dual" recordingStatusCallback="https://calls.example.com/rec"><Number>+14155550100</Number></Dial></Response>`,
  },
  {
    name: "menu with digits and speech",
    decision: {
      kind: "menu",
      prompt: "Press 1 for sales, or say what you need.",
      input: { digits: true, speech: true },
      timeoutS: 6,
      actionUrl: ACTION,
    },
    twilio: () => {
      const r = new VoiceResponse();
      r.gather({
        input: ["dtmf", "speech"],
        action: ACTION,
        method: "POST",
        timeout: 6,
        numDigits: 1,
      }).say("Press 1 for sales, or say what you need.");
      r.redirect({ method: "POST" }, ACTION);
      return r.toString();
    },
    texml: `${XML}<Response><Gather input="dtmf speech" action="https://calls.example.com/v1/carriers/twilio/flow?s=abc.def&amp;x=1" method="POST" timeout="6" numDigits="1"><Say>Press 1 for sales, or say what you need.</Say></Gather><Redirect method="POST">https://calls.example.com/v1/carriers/twilio/flow?s=abc.def&amp;x=1</Redirect></Response>`,
  },
  {
    name: "menu with digits only, after a greeting",
    decision: {
      kind: "menu",
      prelude: [{ kind: "say", text: "Welcome." }],
      prompt: "Press 1.",
      input: { digits: true, speech: false },
      timeoutS: 5,
      actionUrl: ACTION,
    },
    twilio: () => {
      const r = new VoiceResponse();
      r.say("Welcome.");
      r.gather({ input: ["dtmf"], action: ACTION, method: "POST", timeout: 5, numDigits: 1 }).say(
        "Press 1.",
      );
      r.redirect({ method: "POST" }, ACTION);
      return r.toString();
    },
    texml: `${XML}<Response><Say>Welcome.</Say><Gather input="dtmf" action="https://calls.example.com/v1/carriers/twilio/flow?s=abc.def&amp;x=1" method="POST" timeout="5" numDigits="1"><Say>Press 1.</Say></Gather><Redirect method="POST">https://calls.example.com/v1/carriers/twilio/flow?s=abc.def&amp;x=1</Redirect></Response>`,
  },
  {
    name: "voicemail after an apology",
    decision: {
      kind: "voicemail",
      prelude: [{ kind: "say", text: "Please leave a message." }],
      maxLengthS: 120,
      actionUrl: ACTION,
      recordingCallbackUrl: "https://calls.example.com/rec",
    },
    twilio: () => {
      const r = new VoiceResponse();
      r.say("Please leave a message.");
      r.record({
        action: ACTION,
        method: "POST",
        maxLength: 120,
        playBeep: true,
        recordingStatusCallback: "https://calls.example.com/rec",
      });
      return r.toString();
    },
    texml: `${XML}<Response><Say>Please leave a message.</Say><Record action="https://calls.example.com/v1/carriers/twilio/flow?s=abc.def&amp;x=1" method="POST" maxLength="120" playBeep="true" recordingStatusCallback="https://calls.example.com/rec"/></Response>`,
  },
  {
    name: "goodbye, then hang up",
    decision: {
      kind: "hangup",
      prelude: [
        { kind: "play", url: "https://cdn.example.com/bye.mp3" },
        { kind: "say", text: "Goodbye." },
      ],
    },
    twilio: () => {
      const r = new VoiceResponse();
      r.play("https://cdn.example.com/bye.mp3");
      r.say("Goodbye.");
      r.hangup();
      return r.toString();
    },
    texml: `${XML}<Response><Play>https://cdn.example.com/bye.mp3</Play><Say>Goodbye.</Say><Hangup/></Response>`,
  },
];

describe("call-flow actions rendered for each carrier", () => {
  it.each(CASES)("twilio: $name, byte for byte as twilio's VoiceResponse", (c) => {
    expect(adapters.twilio.render(c.decision)).toEqual({
      contentType: "text/xml",
      body: c.twilio(),
    });
    // SignalWire LaML is the same dialect.
    expect(adapters.signalwire.render(c.decision).body).toBe(c.twilio());
  });

  it.each(CASES)("telnyx TeXML: $name", (c) => {
    expect(adapters.telnyx.render(c.decision)).toEqual({ contentType: "text/xml", body: c.texml });
  });
});

describe("readActionInput", () => {
  const form = (body: string) => ({
    url: ACTION,
    headers: {},
    rawBody: body,
    contentType: "application/x-www-form-urlencoded",
  });

  it("reads digits, speech with its confidence, and how a dial ended", () => {
    expect(readActionInput(form("CallSid=CA1&Digits=2"))).toEqual({ digits: "2" });
    expect(
      readActionInput(form("CallSid=CA1&SpeechResult=I+want+to+cancel+&Confidence=0.87")),
    ).toEqual({ speech: "I want to cancel", confidence: 0.87 });
    expect(readActionInput(form("CallSid=CA1&DialCallStatus=no-answer"))).toEqual({
      dialStatus: "no_answer",
    });
  });

  it("clamps a confidence out of range and ignores junk", () => {
    expect(readActionInput(form("SpeechResult=hi&Confidence=7"))).toEqual({
      speech: "hi",
      confidence: 1,
    });
    expect(readActionInput(form("SpeechResult=+&Confidence=abc"))).toEqual({});
  });
});
