// Syntax-level lint (no type information) keeps `npm test` fast on a 2-core CI machine; `tsc` does the type checks.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import runtimeBoundary, { RUNTIME_FILES } from "./scripts/eslint-runtime-boundary.mjs";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".cache/**", "**/node_modules/**", "coverage/**", "bench/results.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
      "no-console": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    languageOptions: { globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", URL: "readonly", Buffer: "readonly", setTimeout: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: RUNTIME_FILES,
    plugins: { kamae: runtimeBoundary },
    rules: { "kamae/runtime-boundary": "error" },
  },
);
