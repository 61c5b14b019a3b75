// Mocha reporter for CI: the usual spec output on the console, and the counts written as JSON
// to $CORROBORATE_TEST_RESULTS after every test (so a crash still leaves what ran).
'use strict';
const fs = require('node:fs');
const Mocha = require('mocha');
const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

class CiReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.CORROBORATE_TEST_RESULTS;
    const counts = { passed: 0, failed: 0, pending: 0, failures: [], done: false };
    const save = () => {
      if (file) fs.writeFileSync(file, JSON.stringify(counts, null, 2));
    };
    runner.on(EVENT_TEST_PASS, () => {
      counts.passed++;
      save();
    });
    runner.on(EVENT_TEST_FAIL, (test, err) => {
      counts.failed++;
      counts.failures.push({ title: test.fullTitle(), message: String((err && err.message) || err) });
      save();
    });
    runner.on(EVENT_TEST_PENDING, () => {
      counts.pending++;
      save();
    });
    runner.once(EVENT_RUN_END, () => {
      counts.done = true;
      save();
    });
    save();
  }
}

module.exports = CiReporter;
