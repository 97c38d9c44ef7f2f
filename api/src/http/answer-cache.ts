/**
 * Whole public answers kept in memory, keyed by the request's bytes, in front of GraphQL (issue
 * 13, "cached answers"): a repeated question — the media reloading a failure page on
 * publication day — is answered without parsing, validating or executing anything.
 *
 * What may be kept is what Apollo already declared cacheable: a 200 whose `cache-control` is
 * `public, max-age=N` (anonymous queries; never an answer to a token, never an error). It is kept
 * for at most N seconds, and its key holds the data generation and today's date in China, so a
 * publish anywhere (live/changes.ts) or a new day makes every kept answer unreachable at once.
 * Apollo's response cache stays behind it: it is what other processes share through Redis, and
 * what serves the same query written differently.
 *
 * lru-cache (the well-kept LRU of the npm ecosystem, already in the tree) bounds it by bytes.
 */
import { LRUCache } from 'lru-cache';

export interface CachedAnswer {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** what the query cost when it ran: a hit spends the same from the client's budget */
  cost: number;
  /** the operation's name and type, for /metrics */
  operation: string;
  type: string;
  /** when it was computed (ms since the epoch): a hit says its `age` */
  at: number;
}

export interface AnswerCacheOptions {
  /** bytes of answers kept, headers included */
  maxBytes: number;
  /** the longest an answer is kept, whatever its max-age */
  maxAgeSeconds: number;
}

export const DEFAULT_ANSWER_CACHE: AnswerCacheOptions = { maxBytes: 64 * 1024 * 1024, maxAgeSeconds: 60 };

/** How long an answer with these headers may be kept (seconds), or 0: public and max-age only. */
export function cacheableFor(headers: [string, string][]): number {
  const value = headers.find(([name]) => name.toLowerCase() === 'cache-control')?.[1];
  if (!value || !/\bpublic\b/i.test(value) || /\b(private|no-store|no-cache)\b/i.test(value)) return 0;
  const maxAge = /\bmax-age=(\d+)/i.exec(value);
  return maxAge ? Number(maxAge[1]) : 0;
}

export class AnswerCache {
  private readonly lru: LRUCache<string, CachedAnswer>;

  constructor(private readonly options: AnswerCacheOptions = DEFAULT_ANSWER_CACHE) {
    this.lru = new LRUCache<string, CachedAnswer>({
      maxSize: options.maxBytes,
      sizeCalculation: (answer, key) => answer.body.length + key.length + 512,
      // expired entries are dropped when read, not by timers
      ttlAutopurge: false,
    });
  }

  get(key: string): CachedAnswer | undefined {
    return this.lru.get(key);
  }

  /** Keeps `answer` if its headers allow it (see {@link cacheableFor}); says whether it did. */
  set(key: string, answer: CachedAnswer): boolean {
    if (answer.status !== 200) return false;
    const seconds = Math.min(cacheableFor(answer.headers), this.options.maxAgeSeconds);
    if (seconds <= 0 || answer.body.length + key.length + 512 > this.options.maxBytes) return false;
    this.lru.set(key, answer, { ttl: seconds * 1000 });
    return true;
  }

  clear(): void {
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}
