'use strict';
// The two command-line tools take the same shape: [--runtime NAME] [--no-check] FILE...

const { runtimeNames } = require('./runtime-check');

function parseArgs(argv) {
  const options = { runtime: 'cloudfront-js-2.0', check: true, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runtime') {
      options.runtime = argv[++i];
    } else if (arg === '--no-check') {
      options.check = false;
    } else if (arg.startsWith('--')) {
      throw new Error(`unknown option ${arg}`);
    } else {
      options.files.push(arg);
    }
  }
  if (!runtimeNames().includes(options.runtime)) {
    throw new Error(`--runtime must be one of ${runtimeNames().join(', ')}`);
  }
  return options;
}

module.exports = { parseArgs };
