/**
 * What the server wants done with a call, independent of any carrier's markup. Each adapter
 * renders it (TwiML, LaML, TeXML). New call-flow steps (menu, voicemail) join this union as
 * new `kind`s; the renderers' exhaustive switches then fail to compile until they handle them.
 */
export type RoutingDecision =
  | ForwardDecision
  | SayHangupDecision
  | HangupDecision
  | MenuDecision
  | VoicemailDecision;

/** Speech or audio played first, in order, before the decision's main verb. */
export type Prelude = { kind: "say"; text: string } | { kind: "play"; url: string };

/**
 * Ring the advertiser's number(s) and bridge the caller. Several numbers ring at once; the
 * first to answer wins.
 *
 * To play a message when nobody answers, set `actionUrl`: the carrier calls it when the
 * forwarded leg ends (parsed as a `dial_ended` event) and the server answers that request with
 * a `say_hangup` or `hangup` decision. Markup placed after the dial would also play after a
 * normal conversation whenever there is no action URL, so this type offers no such fallback.
 */
export interface ForwardDecision {
  kind: "forward";
  prelude?: readonly Prelude[];
  /** E.164 numbers to ring. */
  to: readonly [string, ...string[]];
  /**
   * Caller id shown to the advertiser: the tracking number (so they recognise tracked calls)
   * or the caller's own number. Always set it: Twilio passes an invalid or withheld inbound
   * caller id on otherwise, and the forwarded leg may fail (error 13214).
   */
  callerId?: string;
  /** Seconds to ring before giving up (Twilio default 30; Telnyx accepts 5–120). */
  timeoutS?: number;
  /** Record both parties, from answer, in two channels. */
  record?: boolean;
  /** Where the carrier posts the finished recording (`recordingStatusCallback`). */
  recordingCallbackUrl?: string;
  /** Markup run on the advertiser's leg after they answer, before bridging (`<Number url>`). */
  whisperUrl?: string;
  /** Requested when the forwarded leg ends (`<Dial action>`, POST). */
  actionUrl?: string;
  /** Keep the caller hearing ringback until the advertiser answers (`answerOnBridge`). */
  answerOnBridge?: boolean;
}

/** Speak a message, then end the call (e.g. a number that is not assigned to anyone). */
export interface SayHangupDecision {
  kind: "say_hangup";
  text: string;
  /** Carrier voice name, passed through (e.g. "alice", "Polly.Joanna"). */
  voice?: string;
  /** BCP 47 language tag, passed through (e.g. "en-US"). */
  language?: string;
}

/** End the call, e.g. in reply to the dial action after a completed conversation. */
export interface HangupDecision {
  kind: "hangup";
  /** Said or played before hanging up (a call flow's goodbye). */
  prelude?: readonly Prelude[];
}

/**
 * Ask the caller to press (or say) a key. The carrier posts the answer (`Digits`,
 * `SpeechResult`, `Confidence`) to `actionUrl`; with no input the markup falls through to a
 * redirect to the same URL, so the server hears "no input" and decides (re-prompt or move on).
 */
export interface MenuDecision {
  kind: "menu";
  prelude?: readonly Prelude[];
  prompt: string;
  /** Accept keypad digits, speech, or both (at least one). */
  input: { digits: boolean; speech: boolean };
  /** Seconds of silence before giving up on input. */
  timeoutS: number;
  actionUrl: string;
}

/**
 * Record a message after the beep. The carrier posts to `actionUrl` when recording ends and
 * the finished recording to `recordingCallbackUrl`.
 */
export interface VoicemailDecision {
  kind: "voicemail";
  prelude?: readonly Prelude[];
  maxLengthS: number;
  actionUrl: string;
  recordingCallbackUrl?: string;
}
