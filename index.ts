// The TypeScript entry point Pulumi's schema inference looks for (`pulumi package add <git URL or path>`): package.json
// `main` and `exports` name the compiled dist/ files, which the inference cannot read, so it falls back to this file.
// npm users import the same module through `main`/`exports`.
export * from "./components";
