import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "sdk",
    include: ["src/**/*.test.ts"],
    environment: "happy-dom",
    setupFiles: ["src/testing/attr-node-value.ts"],
  },
});
