import { defineProject } from "vitest/config";

export default defineProject({ test: { name: "carriers", include: ["src/**/*.test.ts"] } });
