import type { CallEvent, CarrierName, RoutingDecision } from "@ringtrail/carriers";

/** Spoken when the dialed number is not ours, is retired, or forwards nowhere. */
export const NOT_IN_SERVICE =
  "Sorry, the number you have called is not in service. Please check the number and try again. Goodbye.";

/** Spoken when the advertiser did not pick up the forwarded call. */
export const NOBODY_ANSWERED =
  "Sorry, nobody could take your call right now. Please try again later. Goodbye.";

/** Twilio and SignalWire expect markup on every callback; an empty document does nothing. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const RING_S = 30;

/**
 * Until call flows exist: ring the number's forward target, showing the tracking number as
 * caller id (so the advertiser knows the call is tracked, and so Twilio never forwards an
 * invalid inbound caller id). The dial action comes back to the status endpoint, which says
 * sorry when nobody answered.
 */
export function voiceDecision(
  carrier: CarrierName,
  trackingNumber: string,
  forwardTo: string | null,
  baseUrl: string,
): RoutingDecision {
  if (!forwardTo) return { kind: "say_hangup", text: NOT_IN_SERVICE };
  return {
    kind: "forward",
    to: [forwardTo],
    callerId: trackingNumber,
    timeoutS: RING_S,
    actionUrl: `${baseUrl}/v1/carriers/${carrier}/status?event=dial`,
  };
}

/** The answer to a dial action; null for callbacks that only report (answered with nothing). */
export function statusDecision(events: readonly CallEvent[]): RoutingDecision | null {
  const dial = events.find((e) => e.kind === "dial_ended");
  if (!dial) return null;
  const missed = ["no_answer", "busy", "failed"].includes(dial.dialStatus);
  return missed ? { kind: "say_hangup", text: NOBODY_ANSWERED } : { kind: "hangup" };
}
