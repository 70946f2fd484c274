/**
 * Prints one plain closing line after Jest's own summary (on stderr, as Jest writes it, so it stays last), e.g. "Tests: 107 passed, 0 failed",
 * in the form CI tooling reads in any language.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stderr.write(`\nTests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}

module.exports = SummaryReporter;
