// Types for the page's side of Ringtrail: `window.ringtrail`, defined by
// <script async src="https://HOST/v1/rt.js" data-site="pk_…"></script>.
// Copy this file into a project, or reference it, to call the API from TypeScript.

/** Commands queued before the script loads; the script replays them in order. */
interface RingtrailQueue {
  q?: IArguments[];
}

interface RingtrailApi {
  /**
   * Grants (`true`) or withdraws (`false`) consent. With `data-consent="wait"` nothing is stored
   * or sent before `true`; with `data-consent="consentless"` a page-scoped number is shown and
   * upgraded to a full session. `false` deletes the visitor id and the stored assignment.
   * Ignored when the browser sends Global Privacy Control and the tag has `data-gpc="respect"`.
   */
  (cmd: "consent", granted: boolean): void;
  /** Rescans the whole page now, e.g. after rendering content outside the DOM's observers. */
  (cmd: "swap"): void;
  /** The number assigned in place of `target` (E.164, as configured for the site), or null. */
  (cmd: "number", target: string): string | null;
  /** Logs what the script does to the console (`false` stops). */
  (cmd: "debug", on?: boolean): void;
}

type Ringtrail = RingtrailApi & RingtrailQueue;

interface Window {
  ringtrail: Ringtrail;
}

declare var ringtrail: Ringtrail;
