// Runs one benchmark module in this process and prints its figures on a marker line for bench/run.ts.
import type { Benchmark } from "./lib";

async function main(): Promise<void> {
  const mod = (await import(process.argv[2])) as { default: Benchmark | { default: Benchmark } };
  const run = typeof mod.default === "function" ? mod.default : mod.default.default;
  const figures = await run();
  process.stdout.write(`\n@@figures ${JSON.stringify(figures)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
