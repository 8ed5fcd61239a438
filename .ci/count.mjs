// Sums the JSON reports of every test run (Vitest and Playwright) into one closing line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, failedSteps = '0', testsStatus = '0'] = process.argv.slice(2);
let passed = 0;
let failed = Number(failedSteps);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if ('numPassedTests' in report) {
    // Vitest: a suite that failed to load counts as a failure too.
    passed += report.numPassedTests;
    failed +=
      report.numFailedTests + (report.numFailedTestSuites && !report.numFailedTests ? 1 : 0);
  } else if (report.stats) {
    // Playwright: flaky tests passed on retry.
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
  }
  console.log(
    `${file}: ${JSON.stringify(report.stats ?? { passed: report.numPassedTests, failed: report.numFailedTests })}`,
  );
}
// A runner that failed without reporting a failed test (a crash, a suite that did not load)
// still counts as one failure.
if (files.length === 0 || (testsStatus !== '0' && failed === Number(failedSteps))) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
