import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { memberOrganisationsFrom } from '../src/domain/municipality';
import { readProtocol } from '../src/importer/read-protocol';

/**
 * `npm run import -- --dry-run --json [--network NAME] FILE...`: reads old protocols and prints
 * what was read, one JSON array on standard output with one entry per file: the protocol in the
 * interchange format justera-protokoll/1 (with its review marks), or { file, error } for a file
 * that could not be read (exit code 2). Importing into a store is not done here yet: --dry-run
 * is required.
 */
async function main(argv: string[]): Promise<number> {
  const files: string[] = [];
  let dryRun = false;
  let json = false;
  let networkName: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--dry-run') dryRun = true;
    else if (a === '--json') json = true;
    else if (a === '--network') networkName = argv[++i];
    else if (a.startsWith('--')) {
      process.stderr.write(`unknown option ${a}\n`);
      return 64;
    } else files.push(a);
  }
  if (!dryRun || !json || files.length === 0) {
    process.stderr.write('usage: npm run import -- --dry-run --json [--network NAME] FILE...\n(only --dry-run --json is supported: it prints what was read and stores nothing)\n');
    return 64;
  }
  const organisations = process.env.MEMBER_ORGANISATIONS ? memberOrganisationsFrom(process.env.MEMBER_ORGANISATIONS) : undefined;
  const out: unknown[] = [];
  let failed = false;
  for (const path of files) {
    const bytes = new Uint8Array(await readFile(path));
    const result = await readProtocol({ name: basename(path), bytes }, { ...(networkName ? { networkName } : {}), ...(organisations ? { organisations } : {}) });
    if (result.ok) out.push(result.draft.document);
    else {
      failed = true;
      out.push({ file: result.file, sha256: result.sha256, error: { code: result.error.code, message: result.error.sv, messageEn: result.error.en } });
    }
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return failed ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
