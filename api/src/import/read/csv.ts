/**
 * CSV (and tab-separated text) rows, streamed: the file is decoded in its detected encoding and
 * parsed record by record, so a file of any size is read in bounded memory. Row numbers count
 * records (a quoted cell spanning lines is still one row), as a spreadsheet shows them.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Cell } from '../row-reader.ts';
import { decoderStream, type FileScan } from './encoding.ts';

export interface SheetRow {
  row: number;
  cells: Cell[];
}

/** `,` unless the first line has more tabs or semicolons (Excel's "Unicode text" is tab-separated). */
export function detectDelimiter(head: string): string {
  const firstLines = head
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 5)
    .join('\n');
  const count = (ch: string) => firstLines.split(ch).length - 1;
  const candidates: Array<[string, number]> = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0][1] > 0 ? candidates[0][0] : ',';
}

export async function* readCsv(path: string, scan: FileScan, onBytes?: (bytes: number) => void): AsyncGenerator<SheetRow> {
  const delimiter = detectDelimiter(scan.head ?? '');
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (onBytes) {
    let read = 0;
    file.on('data', (chunk) => {
      read += chunk.length;
      onBytes(read);
    });
  }
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const source: NodeJS.ReadableStream = scan.encoding === 'utf-8' ? file : file.pipe(decoderStream(scan.encoding ?? 'gb18030'));
  file.on('error', (error: Error) => parser.destroy(error));
  source.pipe(parser);
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    yield { row, cells: record };
  }
}
