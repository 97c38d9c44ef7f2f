/**
 * `COPY … FROM STDIN` with plain `pg`, for the import benchmark's baseline: pg runs COPY through
 * its documented "submittable" interface (an object with `submit(connection)`, as pg-cursor
 * uses), so the rows go out as CopyData messages without another dependency.
 */
import { once } from 'node:events';
import type pg from 'pg';

/** One row in COPY's text format: tab-separated, \N for null, backslash escapes. */
export function copyLine(values: unknown[]): string {
  return (
    values
      .map((v) =>
        v === null || v === undefined
          ? '\\N'
          : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!),
      )
      .join('\t') + '\n'
  );
}

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain: boolean };
}

export function copyFrom(client: pg.Client, statement: string, lines: string[]): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let failed: Error | undefined;
    let rowCount = 0;
    const pump = async (connection: Connection) => {
      let buffer = '';
      for (const line of lines) {
        buffer += line;
        if (buffer.length >= 256 * 1024) {
          connection.sendCopyFromChunk(Buffer.from(buffer, 'utf8'));
          buffer = '';
          if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
        }
      }
      if (buffer) connection.sendCopyFromChunk(Buffer.from(buffer, 'utf8'));
      connection.endCopyFrom();
    };
    const submittable = {
      text: statement,
      submit: (connection: Connection) => connection.query(statement),
      handleCopyInResponse: (connection: Connection) => {
        pump(connection).catch((error: Error) => {
          failed = error;
          connection.sendCopyFail(error.message.slice(0, 200));
        });
      },
      handleCommandComplete: (message: { text?: string }) => {
        rowCount = Number(/COPY (\d+)/.exec(message.text ?? '')?.[1] ?? 0);
      },
      handleError: (error: Error) => {
        failed ??= error;
      },
      handleReadyForQuery: () => (failed ? reject(failed) : resolve(rowCount)),
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    client.query(submittable as unknown as pg.QueryConfig);
  });
}
