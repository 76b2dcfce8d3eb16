// Imported first by the pack's entry point: what the SDK would load and the pack never uses waits for a first use.
import { deferUnusedSdkModules } from "../cli/deferred-modules";

deferUnusedSdkModules(__dirname);
