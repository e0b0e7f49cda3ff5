import type { App, Services } from "../../context";
import { registerCredentials } from "./credentials";
import { registerFlowCallback } from "./flow-callback";
import { registerStatusWebhook } from "./status";
import { registerVoiceWebhook } from "./voice";

export function registerCarriers(app: App, services: Services) {
  registerCredentials(app, services);
  registerVoiceWebhook(app, services);
  registerStatusWebhook(app, services);
  registerFlowCallback(app, services);
}
