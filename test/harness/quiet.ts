// Loaded by mocha before any test (.mocharc.json): the functions' logger writes nowhere under test, so `npm test`
// prints test names and failures only. KAMAE_TEST_LOGS=1 (or an explicit POWERTOOLS_LOG_LEVEL) shows the logs.
if (!process.env.KAMAE_TEST_LOGS) process.env.POWERTOOLS_LOG_LEVEL ??= "SILENT";
