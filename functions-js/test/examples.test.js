'use strict';
// The committed example functions (generated from examples/rules by cfsim; the Java test
// ExampleFunctionsTest fails when they are stale) pass both runtimes' checks and run on their
// TestFunction events.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { checkFunction } = require('../lib/runtime-check');
const { loadFunction } = require('../lib/harness');

const DIR = path.join(__dirname, '..', 'examples');
const examples = fs.readdirSync(DIR).filter((f) => f.endsWith('.js')).sort();

test('there are example functions', () => {
  assert.ok(examples.length >= 3, examples.join(', '));
});

for (const file of examples) {
  const source = fs.readFileSync(path.join(DIR, file), 'utf8');

  test(`${file} passes the cloudfront-js-1.0 and -2.0 runtime checks`, () => {
    for (const runtime of ['cloudfront-js-1.0', 'cloudfront-js-2.0']) {
      assert.deepEqual(checkFunction(source, runtime).problems, [], runtime);
    }
  });

  test(`${file} returns a request or a response for its test event`, async () => {
    const event = JSON.parse(fs.readFileSync(path.join(DIR, file.replace(/\.js$/, '.test-event.json')), 'utf8'));
    const [result] = await loadFunction(source, { filename: file }).runBatch([event]);
    assert.equal(result.error, undefined);
    assert.ok(typeof result.value.statusCode === 'number' || result.value.uri.startsWith('/'));
  });
}

test('the shop function sends a Korean viewer on the global site to the Korean site, keeping the query', async () => {
  const source = fs.readFileSync(path.join(DIR, 'shop.js'), 'utf8');
  const event = {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '203.0.113.9' },
    request: {
      method: 'GET', uri: '/shoes/42', querystring: { size: { value: '270' } },
      headers: { host: { value: 'www.shop.example' }, 'cloudfront-viewer-country': { value: 'KR' } },
      cookies: {},
    },
  };
  const [result] = await loadFunction(source).runBatch([event]);
  assert.equal(result.value.statusCode, 302);
  assert.equal(result.value.headers.location.value, 'https://kr.shop.example/shoes/42?size=270');
});
