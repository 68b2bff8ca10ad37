// Prints one plain closing line ("N passed, N failed, N skipped") that any CI can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numTodoTests: todo } = results;
    const suitesFailed = results.numFailedTestSuites;
    if (suitesFailed > 0 && failed === 0) console.log(`${suitesFailed} test suite(s) failed to run`);
    console.log(`jest: ${passed} passed, ${failed} failed, ${skipped + todo} skipped`);
  }
}
module.exports = SummaryReporter;
