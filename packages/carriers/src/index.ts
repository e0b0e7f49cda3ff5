import type { CarrierAdapter } from "./adapter";
import type { CarrierName } from "./call-event";
import { createSignalwireAdapter } from "./signalwire/adapter";
import { createTelnyxAdapter } from "./telnyx/adapter";
import { createTwilioAdapter } from "./twilio/adapter";

export type {
  CarrierAdapter,
  CarrierSecret,
  Hook,
  Identity,
  ParseFailure,
  ParseResult,
  RenderedReply,
  SignedRequest,
  VerifyFailure,
  VerifyResult,
} from "./adapter";
export type {
  CallEvent,
  CallEventKind,
  CallerInfo,
  CallStartedEvent,
  CallStatus,
  CarrierName,
  DialEndedEvent,
  RecordingEvent,
  StatusEvent,
  TranscriptionEvent,
} from "./call-event";
export { isTerminalStatus, statusRank } from "./call-event";
export { ANONYMOUS, normalizeCaller } from "./caller-id";
export type {
  ForwardDecision,
  HangupDecision,
  MenuDecision,
  Prelude,
  RoutingDecision,
  SayHangupDecision,
  VoicemailDecision,
} from "./routing-decision";
export { createSignalwireAdapter } from "./signalwire/adapter";
export { createTelnyxAdapter, type TelnyxAdapterOptions } from "./telnyx/adapter";
export { createTwilioAdapter } from "./twilio/adapter";
export { type ActionInput, readActionInput } from "./twiml/action-input";

/** One ready adapter per carrier, with default options. */
export const adapters: Readonly<Record<CarrierName, CarrierAdapter>> = {
  twilio: createTwilioAdapter(),
  telnyx: createTelnyxAdapter(),
  signalwire: createSignalwireAdapter(),
};

export const CARRIER_NAMES = Object.keys(adapters) as readonly CarrierName[];

/**
 * The adapter for a carrier named in a URL path, or null for an unknown carrier.
 *
 * @example getAdapter(c.req.param("carrier")) ?? notFound()
 */
export function getAdapter(name: string): CarrierAdapter | null {
  return Object.hasOwn(adapters, name) ? adapters[name as CarrierName] : null;
}
