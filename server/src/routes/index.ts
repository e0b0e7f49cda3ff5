import type { App, Services } from "../context";
import { registerAgents } from "./agents/index";
import { registerAttribution } from "./attribution/index";
import { registerCallFlows } from "./call-flows/index";
import { registerCalls } from "./calls/index";
import { registerCarriers } from "./carriers/index";
import { registerDemo } from "./demo/page";
import { registerDocs } from "./docs/openapi";
import { registerInteractions } from "./interactions/index";
import { registerModels } from "./models/index";
import { registerNumbers } from "./numbers/index";
import { registerPools } from "./pools/index";
import { registerResponseTemplates } from "./response-templates/index";
import { registerSdkScript } from "./sdk/script";
import { registerSites } from "./sites/index";
import { registerTestNumbers } from "./test-numbers/index";
import { registerBeats } from "./visits/beats";
import { registerCreateVisit } from "./visits/create";

export function registerRoutes(app: App, services: Services): void {
  app.get("/healthz", (c) => c.json({ ok: true }));
  registerSdkScript(app);
  registerCreateVisit(app);
  registerBeats(app);
  registerSites(app, services);
  registerPools(app, services);
  registerNumbers(app, services);
  registerCarriers(app, services);
  registerCalls(app, services);
  registerAttribution(app, services);
  registerTestNumbers(app, services);
  registerCallFlows(app, services);
  registerAgents(app, services);
  registerInteractions(app, services);
  registerModels(app, services);
  registerResponseTemplates(app, services);
  registerDocs(app);
  registerDemo(app);
}
