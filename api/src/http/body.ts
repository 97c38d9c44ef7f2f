/**
 * Reading a request body within limits: its size on the wire, its size once decompressed, and
 * the ratio between the two (a 40 KB gzip that expands to 40 MB is refused before it is
 * expanded to the end). Every refusal is an HttpError answered with the JSON error envelope.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The answer to a request the API refuses before GraphQL runs: the same envelope as a GraphQL error. */
export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] });
  res.writeHead(error.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
    ...headers,
    ...error.headers,
  });
  res.end(body);
}

export interface BodyLimits {
  /** bytes on the wire, and bytes once decompressed */
  maxBytes: number;
  /** decompressed bytes per compressed byte */
  maxRatio: number;
}

const DECOMPRESS: Record<string, (buffer: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

const tooLarge = (limits: BodyLimits) =>
  new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `The request body is larger than ${limits.maxBytes.toLocaleString('en')} bytes: send a shorter query, or fewer variables.`,
  );

/** The body's bytes, decompressed; refuses what breaks a limit without reading it to the end. */
export async function readBody(req: IncomingMessage, limits: BodyLimits): Promise<Buffer> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  const decompress = encoding === 'identity' ? undefined : DECOMPRESS[encoding];
  if (encoding !== 'identity' && !decompress) {
    req.resume();
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Encoding "${encoding}" is not supported: send gzip, deflate, br or none.`);
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    req.resume();
    throw tooLarge(limits);
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > limits.maxBytes) {
      req.resume();
      throw tooLarge(limits);
    }
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks, length);
  if (!decompress) return raw;
  const maxOutputLength = Math.max(1, Math.min(limits.maxBytes, raw.length * limits.maxRatio));
  try {
    return await decompress(raw, { maxOutputLength });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new HttpError(
        413,
        'PAYLOAD_TOO_LARGE',
        `The ${encoding} body expands beyond ${maxOutputLength.toLocaleString('en')} bytes (at most ${limits.maxRatio}× its size and ${limits.maxBytes.toLocaleString('en')} bytes): send it uncompressed or smaller.`,
      );
    }
    throw new HttpError(400, 'BAD_REQUEST', `The body is not valid ${encoding} data: ${(error as Error).message}.`);
  }
}

/** The body as JSON: a clear 400 when it is not. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `The body is not valid JSON (${(error as Error).message}): send {"query": "…", "variables": {…}}.`,
    );
  }
}
