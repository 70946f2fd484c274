/**
 * Prints one plain closing line after Jest's own summary, e.g. "Tests: 107 passed, 0 failed",
 * in the form CI tooling reads in any language. Jest always runs its summary reporter after
 * custom ones, so the line is written when the process exits (on stderr, like Jest's summary;
 * writes to files and pipes are synchronous on Linux).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `\nTests: ${results.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}

module.exports = SummaryReporter;
