import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { enginesNode, nodeVersionProblem } from '../../src/node-version';

const ROOT = path.resolve(__dirname, '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };

describe('which Node runs Justera (package.json engines)', () => {
  const engines = enginesNode(path.join(ROOT, 'src'));

  test('Node 22 from 22.14 and Node 24 are accepted; Node 20, 22 before 22.14, 23 and 26 are not', () => {
    const verdict = (v: string): boolean => nodeVersionProblem(v, engines) === undefined;
    expect(['v22.14.0', 'v22.23.5', 'v24.0.0', 'v24.22.3'].filter((v) => !verdict(v))).toEqual([]);
    expect(['v20.20.2', 'v22.13.1', 'v22.0.0', 'v23.11.0', 'v26.1.0', 'v18.20.0'].filter(verdict)).toEqual([]);
  });

  test('the refusal names what is needed and where to read how to get it', () => {
    expect(nodeVersionProblem('v20.20.2', engines)).toBe(
      `Justera needs Node ${PKG.engines.node} (package.json "engines"); this is Node 20.20.2. ` +
        'Node 20 is past its end of life, and better-sqlite3 cannot load on it. See "Which Node" in README.md for how to get Node 24 LTS.',
    );
  });

  test('an engines range it cannot read is refused, not guessed at', () => {
    expect(() => nodeVersionProblem('v24.1.0', '>=22')).toThrow('">=22" is not of the form ^major');
    expect(() => nodeVersionProblem('v24.1.0', '^22 || 24.x')).toThrow('"24.x"');
  });

  test("production's Node (infra/main.bicep linuxFxVersion) is one of them, and it is Node 24 LTS", () => {
    const bicep = fs.readFileSync(path.join(ROOT, 'infra', 'main.bicep'), 'utf8');
    const fx = [...bicep.matchAll(/linuxFxVersion: 'NODE\|(\d+)-lts'/g)].map((m) => m[1]);
    expect(fx).toEqual(['24']);
    expect(nodeVersionProblem(`v${fx[0]}.0.0`, engines)).toBeUndefined();
  });

  test('the Node running these tests is one of them', () => {
    expect(nodeVersionProblem(process.version, engines)).toBeUndefined();
  });
});

describe('npm run test:unit', () => {
  test('selects exactly the unit tests (test/unit), and not the integration, store or browser tests', () => {
    const [command, ...args] = PKG.scripts['test:unit']!.split(/\s+/);
    expect(command).toBe('jest');
    const listed = execFileSync(process.execPath, [require.resolve('jest/bin/jest'), ...args, '--listTests'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.endsWith('.test.ts'))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .sort();
    const unit = fs.readdirSync(path.join(ROOT, 'test', 'unit')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/unit/${f}`).sort();
    expect(unit.length).toBeGreaterThan(20);
    expect(listed).toEqual(unit);
  }, 60000);
});
