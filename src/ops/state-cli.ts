import path from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import { loadConfig, type Config } from '../config';
import type { TablesStoreOptions } from '../store/tables-store';
import { sqliteFile } from '../store/sqlite-store';
import { backupSqlite, restoreSqlite } from './sqlite-backup';
import { exportTables, restoreTables } from './tables-backup';

/**
 * `npm run backup -- --out FILE` and `npm run restore -- FILE`: the state of the configured store
 * (STORE, DATA_DIR, TABLES_* from the environment, as the service reads them). SQLite: an online
 * backup, safe while the service runs; a restore with the service stopped. Table Storage: an
 * export to JSON Lines (justera-tables/1), and a restore into empty tables.
 */
export async function runStateCommand(command: 'backup' | 'restore', argv: readonly string[], env: NodeJS.ProcessEnv, print: (line: string) => void): Promise<number> {
  const config = loadConfig(env);
  if (command === 'backup') {
    const at = argv.indexOf('--out');
    const out = at >= 0 ? argv[at + 1] : undefined;
    if (!out) {
      print('usage: npm run backup -- --out FILE');
      return 2;
    }
    const file = path.resolve(out);
    if (config.store.kind === 'sqlite') {
      const result = await backupSqlite(sqliteFile(config.dataDir), file);
      print(`SQLite backup written: ${result.file} (${result.pages} pages)`);
    } else {
      const counts = await exportTables(tablesOptions(config.store), file);
      print(`Table Storage exported: ${file} (${summary(counts)})`);
    }
    return 0;
  }
  const input = argv.find((a) => !a.startsWith('--'));
  if (!input) {
    print('usage: npm run restore -- FILE   (stop the service first)');
    return 2;
  }
  const file = path.resolve(input);
  if (config.store.kind === 'sqlite') {
    const target = sqliteFile(config.dataDir);
    const { replaced } = restoreSqlite(file, target);
    print(`SQLite restored: ${target} from ${file}${replaced ? `; the previous database is kept as ${replaced}` : ''}`);
  } else {
    const options = tablesOptions(config.store);
    const counts = await restoreTables(options, file);
    print(`Table Storage restored into the tables with prefix ${options.tablePrefix} (${summary(counts)})`);
  }
  return 0;
}

/**
 * The store's tables as the service reaches them; with TABLES_ACCOUNT_URL, through whatever Entra
 * credential is at hand (the managed identity inside Azure, an operator's `az login` outside it),
 * which needs the Storage Table Data Reader (backup) or Contributor (restore) role on the account.
 */
function tablesOptions(store: Extract<Config['store'], { kind: 'tables' }>): TablesStoreOptions {
  const { kind: _kind, ...options } = store;
  if (!options.accountUrl || options.connectionString) return options;
  return { ...options, credential: new DefaultAzureCredential(options.managedIdentityClientId ? { managedIdentityClientId: options.managedIdentityClientId } : {}) };
}

function summary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ') || 'no entities';
}
