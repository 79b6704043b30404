import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The benchmarks and the build scripts are compiled only when someone runs them: CI checks they still compile. */
const ROOT = path.resolve(__dirname, '..', '..');
const TSC = require.resolve('typescript/bin/tsc');

test.each(['tsconfig.bench.json', 'tsconfig.scripts.json'])('%s compiles', (config) => {
  const run = (): string => execFileSync(process.execPath, [TSC, '--noEmit', '-p', path.join(ROOT, config)], { cwd: ROOT, encoding: 'utf8' });
  expect(run).not.toThrow();
}, 120000);
