/** `pnpm hub backup` and `pnpm hub restore`: see docs/operations.md ("Backups") and format.ts. */
export { writeBackup, type BackupOptions } from './backup.ts';
export { checkBackupFile, restoreBackup, RestoreRefusedError, RestoreVerificationError, type RestoreOptions } from './restore.ts';
export { BackupFileError, FORMAT_VERSION, type Manifest, type TableManifest, type SequenceManifest } from './format.ts';
export { readCatalog, snapshotQuery, OUTPUT_SETTINGS } from './catalog.ts';
