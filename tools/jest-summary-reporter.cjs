// Prints one plain closing line that CI log readers understand:
//   jest: N passed, N failed, N skipped tests; N failed suites
// Failed suites are counted on their own: a suite that fails to load or throws outside a test (a bad import, a
// top-level read, a failing beforeAll/afterAll) has no failed test, so without them it would hide behind "0 failed".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numFailedTestSuites } = results;
    const skipped = numPendingTests + numTodoTests;
    process.stdout.write(
      `\njest: ${numPassedTests} passed, ${numFailedTests} failed, ${skipped} skipped tests; ${numFailedTestSuites} failed suites\n`,
    );
  }
}
module.exports = SummaryReporter;
