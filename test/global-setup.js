// Builds dist/ once before the suites, so tests that start the service as a separate
// process (crash, Playground) run the code under test, not an old build. Then refuses, in one
// clear line, a Node that package.json's engines does not accept: on Node 20 every suite that
// opens the SQLite store would otherwise die of a segmentation fault in a jest worker.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, '..', 'tsconfig.build.json')], { stdio: 'inherit' });
  const dist = path.join(__dirname, '..', 'dist');
  const { enginesNode, nodeVersionProblem } = require(path.join(dist, 'node-version.js'));
  const unsupported = nodeVersionProblem(process.version, enginesNode(dist));
  if (unsupported) {
    process.stderr.write(`\n${unsupported}\n`);
    process.exit(1);
  }
};
