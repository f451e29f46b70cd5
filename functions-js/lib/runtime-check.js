'use strict';
// Checks a CloudFront Function's source against what its runtime accepts, so a function that
// CloudFront would reject fails here first. Node's own engine accepts far more than CloudFront
// (classes, const in 1.0, ...), so running a function in Node proves nothing about the language
// subset: this parses with acorn and refuses every construct the runtime does not list.
//
// Sources (see shared function-facts.md in the project history):
//  - cloudfront-js-1.0: ECMAScript 5.1 plus template literals, arrow functions, rest parameters,
//    `**` and named capture groups; `const`/`let` "not supported"; everything else from ES6+ is
//    not listed and treated as unavailable.
//    https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-10.html
//  - cloudfront-js-2.0: adds `const`, `let`, `async`/`await` ("async arguments and closures are
//    not supported"), the buffer module and `import cf from 'cloudfront'`.
//    https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-javascript-runtime-20.html
//  - Both: strict mode always on; eval and the Function constructor throw; no timers, file
//    system or network; only listed modules may be required.
//  - Size: "10 KB", not adjustable; whether that is 10,000 or 10,240 bytes is not stated, so we
//    refuse above 10,000 bytes, the safe reading.
//    https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html

const acorn = require('acorn');
const walk = require('acorn-walk');

const MAX_FUNCTION_BYTES = 10000;

const RUNTIMES = Object.freeze({
  'cloudfront-js-1.0': Object.freeze({
    letAndConst: false,
    asyncAwait: false,
    cloudfrontModule: false,
    modules: Object.freeze(['crypto', 'querystring']),
    // Not listed for 1.0 (the community eslint plugin for 1.0 bans them as well).
    unlistedGlobals: Object.freeze(['Map', 'Set', 'WeakMap', 'WeakSet', 'Symbol', 'Proxy', 'Reflect', 'Buffer']),
  }),
  'cloudfront-js-2.0': Object.freeze({
    letAndConst: true,
    asyncAwait: true,
    cloudfrontModule: true,
    modules: Object.freeze(['crypto', 'querystring', 'buffer']),
    unlistedGlobals: Object.freeze(['Proxy', 'Reflect']),
  }),
});

/** Globals that do not exist, or throw, in every CloudFront Functions runtime. */
const FORBIDDEN_GLOBALS = Object.freeze({
  eval: 'eval() throws: dynamic code is not allowed',
  Function: 'the Function constructor throws: dynamic code is not allowed',
  setTimeout: 'timers are not available',
  setInterval: 'timers are not available',
  setImmediate: 'timers are not available',
  clearTimeout: 'timers are not available',
  clearInterval: 'timers are not available',
  clearImmediate: 'timers are not available',
  queueMicrotask: 'timers are not available',
  fetch: 'network access is not available',
  XMLHttpRequest: 'network access is not available',
  WebSocket: 'network access is not available',
  process: 'there is no process object',
  module: 'there is no module system',
  exports: 'there is no module system',
  __dirname: 'there is no file system',
  __filename: 'there is no file system',
});

const ALLOWED_REGEXP_FLAGS = /^[gim]*$/;

function runtimeNames() {
  return Object.keys(RUNTIMES);
}

/**
 * Checks one function's source for a runtime.
 * @returns {{ok: boolean, bytes: number, problems: {line: number, column: number, message: string}[]}}
 */
function checkFunction(source, runtimeName) {
  const runtime = RUNTIMES[runtimeName];
  if (!runtime) {
    throw new Error(`unknown runtime ${runtimeName}; expected one of ${runtimeNames().join(', ')}`);
  }
  const bytes = Buffer.byteLength(source, 'utf8');
  const problems = [];
  if (bytes > MAX_FUNCTION_BYTES) {
    problems.push({ line: 0, column: 0, message: `function is ${bytes} bytes; the limit is ${MAX_FUNCTION_BYTES} bytes` });
  }
  let ast;
  try {
    // Module mode gives strict-mode parsing (CloudFront always runs strict) and lets the one
    // allowed import through so it can be checked below; ES2020 so that later syntax gets a
    // precise message rather than a bare syntax error.
    ast = acorn.parse(source, { ecmaVersion: 2020, sourceType: 'module', locations: true });
  } catch (e) {
    const loc = e.loc || { line: 0, column: 0 };
    problems.push({ line: loc.line, column: loc.column, message: `syntax error: ${e.message.replace(/ \(\d+:\d+\)$/, '')}` });
    return { ok: false, bytes, problems };
  }
  const report = (node, message) =>
    problems.push({ line: node.loc.start.line, column: node.loc.start.column, message });
  walk.fullAncestor(ast, (node, state, ancestors, type) => checkNode(node, ancestors, type, runtime, runtimeName, report));
  checkHandler(ast, runtime, report);
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: problems.length === 0, bytes, problems };
}

function checkNode(node, ancestors, type, runtime, runtimeName, report) {
  const unsupported = (what) => report(node, `${what} is not supported in ${runtimeName}`);
  switch (node.type) {
    case 'ClassDeclaration':
    case 'ClassExpression':
      return unsupported('class');
    case 'ObjectPattern':
    case 'ArrayPattern':
      return unsupported('destructuring');
    case 'SpreadElement':
      return unsupported('spread (...)');
    case 'AssignmentPattern':
      return unsupported('a default parameter');
    case 'ForOfStatement':
      return unsupported('for...of');
    case 'YieldExpression':
      return unsupported('yield');
    case 'TaggedTemplateExpression':
      return unsupported('a tagged template');
    case 'ChainExpression':
      return unsupported('optional chaining (?.)');
    case 'ImportExpression':
    case 'MetaProperty':
      return unsupported(node.type === 'MetaProperty' ? `${node.meta.name}.${node.property.name}` : 'import()');
    case 'Super':
      return unsupported('super');
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
    case 'ExportAllDeclaration':
      return report(node, 'export is not supported: the handler is a global function, not a module export');
    case 'LogicalExpression':
      if (node.operator === '??') unsupported('nullish coalescing (??)');
      return;
    case 'CatchClause':
      if (!node.param) unsupported('catch without a binding');
      return;
    case 'Property':
      if (node.computed) unsupported('a computed property name');
      else if (node.method) unsupported('a method shorthand');
      else if (node.shorthand && ancestors[ancestors.length - 2].type === 'ObjectExpression') unsupported('a shorthand property');
      return;
    case 'Literal':
      if (node.bigint !== undefined) unsupported('BigInt');
      else if (node.regex && !ALLOWED_REGEXP_FLAGS.test(node.regex.flags)) {
        unsupported(`the regular expression flag(s) "${node.regex.flags.replace(/[gim]/g, '')}"`);
      }
      return;
    case 'VariableDeclaration':
      if (node.kind !== 'var' && !runtime.letAndConst) unsupported(node.kind);
      return;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.generator) unsupported('a generator function');
      if (node.async) {
        if (!runtime.asyncAwait) unsupported('async');
        else if (node.type !== 'FunctionDeclaration') unsupported('an async closure or argument');
      }
      return;
    case 'AwaitExpression':
      if (!runtime.asyncAwait) unsupported('await');
      return;
    case 'ImportDeclaration':
      return checkImport(node, runtime, runtimeName, report);
    case 'CallExpression':
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') checkRequire(node, runtime, runtimeName, report);
      return;
    case 'Identifier':
      if (type !== 'VariablePattern') checkGlobal(node, ancestors, runtime, runtimeName, report);
      return;
    default:
      return;
  }
}

function checkImport(node, runtime, runtimeName, report) {
  const isCloudfrontDefault = node.source.value === 'cloudfront'
    && node.specifiers.length === 1 && node.specifiers[0].type === 'ImportDefaultSpecifier';
  if (!runtime.cloudfrontModule) {
    report(node, `import is not supported in ${runtimeName}`);
  } else if (!isCloudfrontDefault) {
    report(node, `only "import cf from 'cloudfront'" may be imported in ${runtimeName}`);
  }
}

function checkRequire(node, runtime, runtimeName, report) {
  const arg = node.arguments[0];
  if (node.arguments.length !== 1 || arg.type !== 'Literal' || typeof arg.value !== 'string') {
    report(node, 'require() takes one module name as a string literal');
  } else if (!runtime.modules.includes(arg.value)) {
    report(node, `module "${arg.value}" is not available in ${runtimeName}; available: ${runtime.modules.join(', ')}`);
  }
}

function checkGlobal(node, ancestors, runtime, runtimeName, report) {
  const name = node.name;
  if (Object.prototype.hasOwnProperty.call(FORBIDDEN_GLOBALS, name)) {
    report(node, `${name}: ${FORBIDDEN_GLOBALS[name]} in CloudFront Functions`);
  } else if (runtime.unlistedGlobals.includes(name)) {
    report(node, `${name} is not listed as available in ${runtimeName}`);
  } else if (name === 'require') {
    const parent = ancestors[ancestors.length - 2];
    if (!(parent && parent.type === 'CallExpression' && parent.callee === node)) {
      report(node, 'require may only be called directly with a module name');
    }
  }
}

function checkHandler(ast, runtime, report) {
  const handler = ast.body.find((s) => s.type === 'FunctionDeclaration' && s.id.name === 'handler');
  if (!handler) {
    report(ast, 'no top-level "function handler(event)": CloudFront calls the global function named handler');
  } else if (handler.params.length > 1) {
    report(handler, 'handler takes one parameter, the event');
  }
}

module.exports = { checkFunction, runtimeNames, MAX_FUNCTION_BYTES, RUNTIMES };
