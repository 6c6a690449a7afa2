import { existsSync, statSync } from 'node:fs';

/** The database cannot be used; the message is one line naming the file and the cause. */
export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether an error came from SQLite or the file system under it (as opposed to a bug). */
export function isStoreFailure(error: unknown): boolean {
  return error instanceof StoreError || codeOf(error).startsWith('SQLITE_');
}

/** Turns what SQLite or the file system said into one line an operator can act on. */
export function explainStoreError(path: string, error: unknown): string {
  const code = codeOf(error);
  const said = messageOf(error);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS')
    return `${path} is read-only (${said}): the tutor must be able to write the file and the folder it is in (for the -wal and -shm files)`;
  if (code === 'EACCES' || code === 'EPERM')
    return `${path}: permission denied (${said}): the tutor must be able to write the file and its folder`;
  if (code === 'ENOTDIR' || code === 'EEXIST') return `${path}: a part of the path is a file, not a folder (${said})`;
  if (code === 'SQLITE_CANTOPEN') {
    if (existsSync(path) && statSync(path).isDirectory()) return `${path} is a folder, not a database file`;
    return `${path} cannot be opened (${said}): check that its folder exists and can be written`;
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
    return `${path} is not a tutor database or is damaged (${said}): restore it from a backup (README, "Backups and restore")`;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return `${path}: the disk is full (${said})`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `${path} is locked by another process (${said})`;
  if (code.startsWith('SQLITE_IOERR')) return `${path}: the disk failed to read or write (${said})`;
  return `${path}: ${said}`;
}
