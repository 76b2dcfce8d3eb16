// Mocha root hooks of the integration suites (.mocharc.integration.json): one emulator for the whole run, and the
// Node.js version the bundles run on, printed where CI's log shows it.
import { startEmulator, stopEmulator } from "./moto";

export async function mochaGlobalSetup(): Promise<void> {
  const endpoint = await startEmulator();
  console.log(`integration: responder bundles run on Node.js ${process.version}; AWS endpoint ${endpoint ?? "none (suites skip)"}`);
}

export async function mochaGlobalTeardown(): Promise<void> {
  await stopEmulator();
}
