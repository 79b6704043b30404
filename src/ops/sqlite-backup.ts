import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Backup and restore of the embedded store (one SQLite file in WAL mode).
 *
 * A backup is SQLite's online backup API (better-sqlite3 `db.backup`) on a connection of its
 * own: it copies a consistent snapshot page by page while the service keeps reading and
 * writing the file, and the copy is a complete database (no -wal beside it). A restore puts a
 * backup in the store's place and must run with the service stopped.
 */

/** What a backup wrote: the file and how many pages it holds. */
export interface SqliteBackupResult {
  file: string;
  pages: number;
}

/** Copies the database at `dbFile` to `outFile` while the service may be running. Refuses to overwrite. */
export async function backupSqlite(dbFile: string, outFile: string): Promise<SqliteBackupResult> {
  if (!fs.existsSync(dbFile)) throw new Error(`no database at ${dbFile}`);
  if (fs.existsSync(outFile)) throw new Error(`${outFile} exists already; a backup never overwrites a file`);
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(outFile);
    // The copy carries the WAL flag; in rollback mode it is one self-contained file (the store turns WAL on again when it opens it).
    const copy = new Database(outFile, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    checkedDatabase(outFile);
    return { file: outFile, pages: progress.totalPages };
  } finally {
    db.close();
  }
}

/**
 * Puts the backup `backupFile` in place of the database at `dbFile`, refused while the service
 * (any connection) has the file open. The backup is checked first (PRAGMA integrity_check); the
 * current file, if any, is kept beside it as `<file>.before-restore-<time>`, and its -wal and
 * -shm files are removed with it, so no write-ahead log of the replaced database is replayed
 * over the restored one.
 */
export function restoreSqlite(backupFile: string, dbFile: string, now: Date = new Date()): { replaced?: string } {
  checkedDatabase(backupFile);
  fs.mkdirSync(path.dirname(path.resolve(dbFile)), { recursive: true });
  let replaced: string | undefined;
  if (fs.existsSync(dbFile)) {
    const old = new Database(dbFile, { fileMustExist: true });
    try {
      // A connection in exclusive locking mode gets its lock only when no other connection has
      // the file open (the service keeps one open while it runs, idle or not).
      old.pragma('busy_timeout = 0');
      old.pragma('locking_mode = EXCLUSIVE');
      try {
        old.exec('BEGIN EXCLUSIVE');
        old.exec('COMMIT');
      } catch {
        throw new Error(`${dbFile} is in use: stop the service before restoring`);
      }
      // Folds the old file's write-ahead log into it, so the kept copy is whole on its own.
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
  }
  const staging = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, staging);
  if (fs.existsSync(dbFile)) {
    replaced = `${dbFile}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(dbFile, replaced);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.renameSync(staging, dbFile);
  return replaced ? { replaced } : {};
}

/** Throws unless `file` is a readable, intact SQLite database. */
function checkedDatabase(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${file} is not an intact SQLite database: ${String(result)}`);
  } finally {
    db.close();
  }
}
