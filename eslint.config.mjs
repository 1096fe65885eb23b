import fs from "node:fs";
import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import boundaries (docs/conventions.md, "Layers and boundaries"). Checked on the resolved
// file, so `@/…` aliases and relative paths are caught alike.
//  - lib/ never imports app/ or components/; components/ never import app/.
//  - A domain is a folder lib/<domain>/. Its public files are the files directly in it and the
//    index.ts of a subfolder (lib/records/kernel/index.ts); every other file in a subfolder is
//    the domain's own business: only that domain imports it.
const domains = fs
  .readdirSync("lib", { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "generated")
  .map((d) => d.name);
const layerZones = [
  {
    target: "./lib",
    from: ["./app", "./components"],
    message: "lib/ must not import app/ or components/: move the shared piece into lib/ (or pass it as a prop).",
  },
  {
    target: "./components",
    from: ["./app"],
    message: "components/ must not import app/: server actions live in lib/<domain>/actions.ts.",
  },
];
const domainZones = domains.map((d) => ({
  target: ["./!(lib)/**", `./lib/!(${d})/**`, "./lib/*.ts", "./*.ts"],
  from: [`./lib/${d}/*/**`],
  except: [path.resolve(`lib/${d}/*/index.ts`)], // the rule matches exceptions against absolute paths
  message: `lib/${d}/<folder>/ is internal to lib/${d}: import lib/${d}'s top-level files or its folder's index.ts.`,
}));

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**", "scripts/**", "prisma/**", "*.ts"],
    rules: {
      "import/no-restricted-paths": ["error", { zones: [...layerZones, ...domainZones] }],
    },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "lib/generated/**",
    "next-env.d.ts",
    "coverage/**",
    "playwright-report/**",
    "test-results/**",
    "tests/.artifacts/**",
  ]),
]);
