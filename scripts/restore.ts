/** `npm run restore`: see src/ops/state-cli.ts and README.md (Backup and restore). */
import { runStateCommand } from '../src/ops/state-cli';

runStateCommand('restore', process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
