import type { SecretBox } from "../secrets/box";

/** Where a multi-step flow continues when the carrier calls its action URL back. */
export interface ResumeState {
  flowId: string;
  version: number;
  /** Step the callback answers (a menu or a dial). */
  step: string;
  attempt: number;
  /** A sequential dial: the numbers and the index rung now. */
  sequence?: { numbers: string[]; index: number };
  /** The caller's speech sentiment so far in this call, carried to later steps. */
  speech?: { text: string; confidence: number };
  /** Epoch ms after which the state is refused (calls do not last a day). */
  expires: number;
}

const DAY_MS = 86_400_000;

/** The state is bound to one call: a token from another call's URL does not open. */
const bound = (carrier: string, carrierCallId: string) => `flow-resume:${carrier}:${carrierCallId}`;

/**
 * Seals resume state for an action URL (AES-GCM under the server's secrets key, so any
 * instance can open it and nobody can forge or alter it). The carrier's signature on the
 * callback proves the carrier sent it; this proves we wrote the state.
 */
export async function sealResume(
  box: SecretBox,
  carrier: string,
  carrierCallId: string,
  state: Omit<ResumeState, "expires">,
  now: number,
): Promise<string> {
  const sealed = await box.seal(
    JSON.stringify({ ...state, expires: now + DAY_MS }),
    bound(carrier, carrierCallId),
  );
  return Buffer.from(sealed).toString("base64url");
}

/** The state, or null when the token is not ours, belongs to another call, or expired. */
export async function openResume(
  box: SecretBox,
  carrier: string,
  carrierCallId: string,
  token: string,
  now: number,
): Promise<ResumeState | null> {
  try {
    const text = await box.open(Buffer.from(token, "base64url"), bound(carrier, carrierCallId));
    const state = JSON.parse(text) as ResumeState;
    return state.expires > now ? state : null;
  } catch {
    return null;
  }
}
