// Browser entry: the IIFE that `GET /v1/rt.js` serves.
import { start } from "./rt";

try {
  start(
    (document.currentScript || document.querySelector("script[data-site]")) as HTMLScriptElement,
  );
} catch {}
