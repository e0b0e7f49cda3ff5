import type { App, Services } from "../../context";
import { registerExplainCall } from "./explain";
import { registerReadCalls } from "./read";
import { registerCallTrace } from "./trace";

export function registerCalls(app: App, services: Services) {
  registerReadCalls(app, services);
  registerExplainCall(app, services);
  registerCallTrace(app, services);
}
