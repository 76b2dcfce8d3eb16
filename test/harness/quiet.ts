// Loaded by mocha before any test (.mocharc.json): the functions' logger and metrics write nowhere under test, so
// `npm test` prints test names and failures only. KAMAE_TEST_LOGS=1 (or an explicit POWERTOOLS_LOG_LEVEL or
// POWERTOOLS_METRICS_DISABLED) shows them.
if (!process.env.KAMAE_TEST_LOGS) {
  process.env.POWERTOOLS_LOG_LEVEL ??= "SILENT";
  process.env.POWERTOOLS_METRICS_DISABLED ??= "true";
}
