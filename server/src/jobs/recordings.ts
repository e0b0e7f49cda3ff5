import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Client } from "@libsql/client";
import type { CredentialStore } from "../secrets/credentials";
import { type ClaimedJob, type JobHandler, PermanentJobError } from "./worker";

export const RECORDING_JOB = "copy_recording";

const EXTENSIONS: Readonly<Record<string, string>> = {
  "audio/mpeg": "mp3",
  "audio/mp3": "mp3",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/ogg": "ogg",
  "audio/webm": "webm",
};

/** Our own ids only ("acct_…", "call_…"): they become path segments. */
const SAFE_ID = /^[a-z]+_[0-9a-z]+$/;

export interface RecordingCopyOptions {
  client: Client;
  credentials: CredentialStore;
  /** Files land in `{dir}/{account}/{call}.{ext}`. */
  dir: string;
  timeoutMs?: number;
  now?: () => number;
}

function field(job: ClaimedJob, name: string): string {
  const value = job.payload[name];
  if (typeof value !== "string" || value === "") {
    throw new PermanentJobError(`payload.${name} is missing`);
  }
  return value;
}

/**
 * Copies a call's recording into the account's storage. Carrier URLs do not last (Telnyx's
 * expire ten minutes after the call), so this runs as a durable job with retries. Twilio
 * media may require the account's credentials; they are sent to Twilio's own host only.
 */
export function copyRecording(options: RecordingCopyOptions): JobHandler {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const now = options.now ?? Date.now;
  return async function copyRecordingJob(job) {
    const callId = field(job, "call_id");
    const accountId = field(job, "account_id");
    const url = new URL(field(job, "url"));
    if (!SAFE_ID.test(callId) || !SAFE_ID.test(accountId)) {
      throw new PermanentJobError("unexpected ids in payload");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new PermanentJobError(`unsupported recording URL scheme ${url.protocol}`);
    }
    const headers: Record<string, string> = {};
    if (job.payload.carrier === "twilio" && url.hostname.endsWith(".twilio.com")) {
      const cred = await options.credentials.get(accountId, "twilio");
      if (cred?.carrierAccount && cred.secret.carrier === "twilio") {
        const basic = Buffer.from(`${cred.carrierAccount}:${cred.secret.authToken}`);
        headers.authorization = `Basic ${basic.toString("base64")}`;
      }
    }
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new Error(`recording fetch answered HTTP ${res.status}`);
    }
    const ext = extension(res.headers.get("content-type"), url.pathname);
    const relative = `${accountId}/${callId}.${ext}`;
    const file = join(options.dir, relative);
    await mkdir(join(options.dir, accountId), { recursive: true });
    // Write aside and rename, so a half-copied file never looks like a recording.
    const partial = `${file}.${job.id}.part`;
    try {
      await pipeline(
        Readable.fromWeb(res.body as WebReadableStream<Uint8Array>),
        createWriteStream(partial),
      );
      await rename(partial, file);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    await options.client.execute({
      sql: "UPDATE calls SET recording_file = ?, updated_at = ? WHERE id = ? AND account_id = ?",
      args: [relative, now(), callId, accountId],
    });
  };
}

function extension(contentType: string | null, path: string): string {
  const mime = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  const known = EXTENSIONS[mime];
  if (known) return known;
  const fromPath = /\.(mp3|wav|ogg|webm)$/i.exec(path)?.[1];
  return fromPath?.toLowerCase() ?? "wav";
}
