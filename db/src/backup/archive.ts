import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { BackupFileError } from './format.ts';

export type ArchiveEntry = AsyncIterable<Buffer> & { header: tar.Headers; resume(): unknown };

/**
 * The entries of a backup file, one after the other (each must be read to its end before the
 * next). A damaged file — bad gzip data, a wrong checksum, a cut-off end — throws a
 * {@link BackupFileError} naming the cause.
 */
export async function* readArchive(file: string): AsyncGenerator<ArchiveEntry> {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  const extract = tar.extract();
  let failure: Error | undefined;
  const fail = (what: string) => (error: Error) => {
    failure ??= new BackupFileError(`${file}: ${what}: ${error.message}`, { cause: error });
    extract.destroy(failure);
  };
  source.on('error', fail('cannot be read'));
  gunzip.on('error', fail('is not an intact gzip file'));
  source.pipe(gunzip).pipe(extract as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of extract) yield entry as unknown as ArchiveEntry;
  } catch (error) {
    if (failure) throw failure;
    throw new BackupFileError(`${file}: is not an intact backup archive: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (failure) throw failure;
}
