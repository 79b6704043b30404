// Builds dist/ once before the suites, so tests that start the service as a separate
// process (crash, Playground) run the code under test, not an old build.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  const tsc = require.resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(__dirname, '..', 'tsconfig.build.json')], { stdio: 'inherit' });
};
