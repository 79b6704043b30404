import fs from 'node:fs';
import path from 'node:path';

/**
 * Which Node versions Justera runs on has one home: `engines` in package.json. This reads it and
 * says, before anything opens the store, when the running Node is not one of them. It matters
 * more than a warning: better-sqlite3 13 is a Node-API 10 addon, and Node 20 and Node 22 before
 * 22.14 do not refuse it cleanly but crash (a segmentation fault) when the database opens.
 *
 * `engines` is read in the one form it is written in: alternatives of `^major[.minor[.patch]]`
 * joined by `||`. Anything else is refused rather than guessed at.
 */
export function nodeVersionProblem(version: string, engines: string): string | undefined {
  const running = parts(version.replace(/^v/, ''));
  if (!running) throw new Error(`not a Node version: ${version}`);
  const accepted = engines.split('||').map((alternative) => {
    const m = /^\^(\d+(?:\.\d+){0,2})$/.exec(alternative.trim());
    const floor = m ? parts(m[1]!) : undefined;
    if (!floor) throw new Error(`engines.node alternative "${alternative.trim()}" is not of the form ^major[.minor[.patch]]`);
    return floor;
  });
  const ok = accepted.some((floor) => floor[0] === running[0] && compare(running, floor) >= 0);
  if (ok) return undefined;
  return (
    `Justera needs Node ${engines} (package.json "engines"); this is Node ${version.replace(/^v/, '')}. ` +
    'Node 20 is past its end of life, and better-sqlite3 cannot load on it. ' +
    'See "Which Node" in README.md for how to get Node 24 LTS.'
  );
}

/** The `engines.node` of the nearest package.json above `dir` (dist/ when running, src/ in tests, dist-bench/src/ in benchmarks). */
export function enginesNode(dir: string): string {
  let at = path.resolve(dir, '..');
  while (!fs.existsSync(path.join(at, 'package.json')) && path.dirname(at) !== at) at = path.dirname(at);
  const pkg = JSON.parse(fs.readFileSync(path.join(at, 'package.json'), 'utf8')) as { engines?: { node?: unknown } };
  const node = pkg.engines?.node;
  if (typeof node !== 'string') throw new Error('package.json has no engines.node');
  return node;
}

function parts(v: string): [number, number, number] | undefined {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(v);
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
