/**
 * The first pass over a file: its sha256 (the batch's content hash) and, for text files, its
 * encoding — valid UTF-8 (with or without BOM) is UTF-8, a UTF-16 BOM is UTF-16, anything else
 * is read as GB18030 (the superset of GBK that Excel on a Chinese Windows writes). chardet's guess
 * is kept as a hint for the message when even GB18030 does not decode the file cleanly.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface FileScan {
  sha256: string;
  bytes: number;
  /** for text files */
  encoding?: TextEncoding;
  /** chardet's guess from the first 64 KB */
  hint?: string | null;
  /** the first 64 KB, decoded (delimiter detection) */
  head?: string;
}

const SAMPLE_BYTES = 64 * 1024;

export async function scanFile(path: string, options: { text: boolean }): Promise<FileScan> {
  const hash = createHash('sha256');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  const sample: Buffer[] = [];
  let sampled = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    if (!options.text) continue;
    if (sampled < SAMPLE_BYTES) {
      sample.push(chunk.subarray(0, SAMPLE_BYTES - sampled));
      sampled += Math.min(chunk.length, SAMPLE_BYTES - sampled);
    }
    if (validUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
  }
  const sha256 = hash.digest('hex');
  if (!options.text) return { sha256, bytes };
  if (validUtf8) {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false; // ends inside a multi-byte sequence
    }
  }
  const head = Buffer.concat(sample);
  let encoding: TextEncoding;
  if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
  else encoding = validUtf8 ? 'utf-8' : 'gb18030';
  return { sha256, bytes, encoding, hint: chardet.detect(head), head: decodeHead(head, encoding) };
}

function decodeHead(head: Buffer, encoding: TextEncoding): string {
  const text = iconv.decode(head, encoding);
  return text.replace(/^\uFEFF/, '');
}

/** A Transform decoding the file's bytes to text (BOM stripped). */
export function decoderStream(encoding: TextEncoding): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding, { stripBOM: true });
}

/** Encodes text as GB18030/GBK (for tests and templates: what Excel on a Chinese Windows saves). */
export function encodeText(text: string, encoding: 'gbk' | 'gb18030' | 'utf-16le'): Buffer {
  return iconv.encode(text, encoding, { addBOM: encoding === 'utf-16le' });
}

/**
 * Why a text file may have been misread, for the message when no header row is found: chardet
 * guessing another CJK encoding (Big5, Shift-JIS, EUC-KR …) for a file read as GB18030, or UTF-8
 * text that looks encoded twice (`æŠ½æŸ¥` for 抽查). Undefined when nothing points at the encoding.
 */
export function encodingHint(scan: FileScan): { zh: string; en: string } | undefined {
  const head = scan.head ?? '';
  const guess = scan.hint ?? '';
  const cjk = (head.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const latin1 = (head.match(/[\u00c0-\u00ff]/g) ?? []).length;
  if (scan.encoding === 'utf-8' && latin1 >= 10 && latin1 > cjk * 4) {
    return {
      zh: '文件似乎被重复编码为 UTF-8（中文显示为 æŠ½æŸ¥ 之类的乱码）：请用原始文件另存为 UTF-8 CSV',
      en: 'the file looks encoded to UTF-8 twice (Chinese shows as æŠ½æŸ¥-like characters): save the original as UTF-8 CSV',
    };
  }
  if (scan.encoding === 'gb18030' && guess && !/^(GB|GBK|GB18030|GB2312|UTF-8|ASCII|ISO-8859-1|windows-1252)$/i.test(guess)) {
    return {
      zh: `文件按 GB18030 读取，但编码可能是 ${guess}（支持 UTF-8、UTF-16、GBK/GB18030）：请另存为 UTF-8 CSV`,
      en: `the file was read as GB18030 but may be ${guess} (UTF-8, UTF-16 and GBK/GB18030 are supported): save it as UTF-8 CSV`,
    };
  }
  return undefined;
}
