import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Queryable } from '@hub/db';
import { caseStateChecksum } from '../live/day-boundary.ts';
import { buildSite } from './site.ts';

/**
 * The built sites of a hub, in HUB_SITE_DIR (issue 10.2):
 *
 *     builds/<id>/        one complete `astro build` each, never changed once finished
 *     builds/<id>/hub-build.json   when and from what data it was built (its fingerprint)
 *     current  →  builds/<id>      the build being served: a symbolic link, replaced atomically
 *
 * A build goes into a new folder; only when it has finished does `current` move to it (a new
 * link renamed over the old one: rename is atomic, so a reader sees the old build or the new,
 * never a mix or nothing). A failed build leaves `current` where it was. The previous build is
 * kept (requests still reading it finish), older ones are removed.
 *
 * A HUB_SITE_DIR holding a site built the old way (index.html at its top, no `current`) is
 * served as it is until the first build here.
 */
export interface Fingerprint {
  /** the last published batch and when it was published */
  lastBatchId: number | null;
  lastPublishedAt: string | null;
  /** the day in China the data was read for */
  day: string;
  /** a checksum of the case state (statuses, listing, identity flags): date-dependent facts */
  caseState: string;
}

export interface BuildInfo {
  id: string;
  fingerprint: Fingerprint;
  builtAt: string;
  seconds: number;
  /** files Astro generated, and of those reused from the previous build rather than rendered */
  generated: number;
  reused: number;
  /** Pagefind: pages in the search index, of those indexed again (the rest reused), its seconds */
  search?: { pages: number; indexed: number; seconds: number } | null;
  /** files rendered (not reused) by the first segment of their path: what a republish rebuilt */
  renderedBy?: Record<string, number>;
}

export const BUILD_INFO = 'hub-build.json';

export class SiteStore {
  readonly buildsDir: string;
  readonly currentLink: string;

  constructor(readonly root: string) {
    this.buildsDir = join(root, 'builds');
    this.currentLink = join(root, 'current');
  }

  /** The folder being served now (real path), or null when nothing was built yet. */
  currentDir(): string | null {
    try {
      return realpathSync(this.currentLink);
    } catch {
      return existsSync(join(this.root, 'index.html')) ? this.root : null;
    }
  }

  currentInfo(): BuildInfo | null {
    const dir = this.currentDir();
    if (!dir) return null;
    try {
      return JSON.parse(readFileSync(join(dir, BUILD_INFO), 'utf8')) as BuildInfo;
    } catch {
      return null;
    }
  }

  /** Builds the site from `apiUrl` into a new folder, then swaps it in. Throws (and serves the old build on) when the build fails. */
  async build(apiUrl: string, fingerprint: Fingerprint, options: { quiet?: boolean; today?: string } = {}): Promise<BuildInfo> {
    await mkdir(this.buildsDir, { recursive: true });
    const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`;
    const outDir = join(this.buildsDir, id);
    let build: Awaited<ReturnType<typeof buildSite>>;
    try {
      build = await buildSite({ apiUrl, outDir, quiet: options.quiet ?? true, today: options.today, cacheDir: join(this.root, 'cache') });
    } catch (error) {
      await rm(outDir, { recursive: true, force: true });
      throw error;
    }
    const { seconds, generated, reused, search } = build;
    const renderedBy: Record<string, number> = {};
    for (const path of build.rendered) {
      const top = path.split('/')[1] ?? '';
      renderedBy[top] = (renderedBy[top] ?? 0) + 1;
    }
    const info: BuildInfo = { id, fingerprint, builtAt: new Date().toISOString(), seconds, generated, reused, search, renderedBy };
    await writeFile(join(outDir, BUILD_INFO), JSON.stringify(info, null, 2) + '\n');
    await this.swap(id);
    await this.prune();
    return info;
  }

  /** Points `current` at builds/<id>: a new link renamed over the old one. */
  async swap(id: string): Promise<void> {
    const aside = `${this.currentLink}.${process.pid}.${randomBytes(3).toString('hex')}`;
    await symlink(join('builds', id), aside);
    await rename(aside, this.currentLink);
  }

  /** Removes builds other than the current one and the one before it. */
  async prune(): Promise<void> {
    let current: string | null = null;
    try {
      current = readlinkSync(this.currentLink).split('/').pop() ?? null;
    } catch {
      return;
    }
    const ids = (await readdir(this.buildsDir)).filter((n) => n !== current && !n.startsWith('.')).sort();
    // ids begin with their UTC time: the last is the previous build
    for (const old of ids.slice(0, -1)) await rm(join(this.buildsDir, old), { recursive: true, force: true });
  }
}

/** The data a build shows: the last published batch, the day, and the case state. */
export async function dataFingerprint(db: Queryable, day: string): Promise<Fingerprint> {
  const [batch] = await db.query<{ id: number | null; at: string | null }>(
    `SELECT id, to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
       FROM batch WHERE status = 'published' ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 1`,
  );
  return { lastBatchId: batch?.id ?? null, lastPublishedAt: batch?.at ?? null, day, caseState: await caseStateChecksum(db) };
}

/** Whether a build with fingerprint `built` still shows the data of `now`. */
export function sameData(built: Fingerprint | undefined, now: Fingerprint): boolean {
  return (
    !!built && built.lastBatchId === now.lastBatchId && built.lastPublishedAt === now.lastPublishedAt && built.caseState === now.caseState
  );
}
