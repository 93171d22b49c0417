// Prints one plain closing line ("N passed, N failed, N skipped") after jest's own summary, so any
// CI that reads the last line of a run can tell how many tests ran.
'use strict';
class SummaryReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`\n${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests + results.numTodoTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
