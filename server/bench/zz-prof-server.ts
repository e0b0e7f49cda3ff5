import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await import("./bench-server");
setTimeout(() => session.post("Profiler.start"), 12500);
setTimeout(async () => {
  const { profile } = await session.post("Profiler.stop");
  writeFileSync("/tmp/visits.cpuprofile", JSON.stringify(profile));
}, 21000);
