// Preloaded into a CLI run (NODE_OPTIONS=--require) by tests that must never reach the
// internet, whatever the machine: every host name fails to resolve, as on a runner with no
// network, and each HTTP request started is written down (POSTLINT_TEST_REQUESTS, one line each)
// so that the test can assert there were none.
const dns = require('node:dns');
const { appendFileSync } = require('node:fs');
const { subscribe } = require('node:diagnostics_channel');

dns.lookup = (hostname, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  setImmediate(() => done(error, typeof options === 'object' && options.all ? [] : undefined));
};

const log = process.env.POSTLINT_TEST_REQUESTS;
if (log) subscribe('http.client.request.start', ({ request }) => appendFileSync(log, `${request.host} ${request.path}\n`));
