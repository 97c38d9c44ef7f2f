/**
 * JSON files: an array of objects with English keys (the same fields as the spreadsheets, see the
 * README), streamed element by element — a large file is never parsed as a whole.
 */
import { createReadStream } from 'node:fs';
import { decoderStream, type FileScan } from './encoding.ts';

export class JsonShapeError extends Error {
  constructor(
    readonly element: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Yields each element of the top-level array with its 1-based position. */
export async function* readJsonArray(
  path: string,
  scan: FileScan,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<{ index: number; value: unknown }> {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  if (onBytes) {
    let read = 0;
    file.on('data', (chunk) => {
      read += chunk.length;
      onBytes(read);
    });
  }
  const text = file.pipe(decoderStream(scan.encoding ?? 'utf-8'));
  file.on('error', (error) => text.emit('error', error));

  let started = false;
  let finished = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = '';
  let index = 0;
  for await (const chunk of text as AsyncIterable<string>) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (!started) {
        if (ch === '\uFEFF' || /\s/.test(ch)) continue;
        if (ch !== '[') throw new JsonShapeError(undefined, 'expected an array of objects: the file must start with [');
        started = true;
        from = i + 1;
        continue;
      }
      if (finished) {
        if (!/\s/.test(ch)) throw new JsonShapeError(undefined, 'unexpected text after the closing ]');
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        if (depth === 0 && ch === ']') {
          element += chunk.slice(from, i);
          if (element.trim()) yield parseElement(element, ++index);
          element = '';
          finished = true;
          continue;
        }
        depth--;
      } else if (ch === ',' && depth === 0) {
        element += chunk.slice(from, i);
        yield parseElement(element, ++index);
        element = '';
        from = i + 1;
      }
    }
    if (started && !finished) element += chunk.slice(from);
  }
  if (!started) throw new JsonShapeError(undefined, 'the file is empty: expected an array of objects');
  if (!finished) throw new JsonShapeError(index + 1, 'the array is not closed with ]');
}

function parseElement(text: string, index: number): { index: number; value: unknown } {
  try {
    return { index, value: JSON.parse(text) };
  } catch (error) {
    throw new JsonShapeError(index, `element ${index} is not valid JSON: ${(error as Error).message}`);
  }
}
