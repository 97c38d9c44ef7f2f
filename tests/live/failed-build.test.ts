import { existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@hub/db';
import { SiteStore } from '../../api/src/site/builds.ts';

/** A site build that fails (here: no API to read) leaves the served build in place and says why. */
describe('a failed site build', () => {
  let root: string;
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps the current build, removes its own half-written folder and gives the reason', { timeout: 240_000 }, async () => {
    root = await mkdtemp(join(tmpdir(), 'hub-failed-build-'));
    const store = new SiteStore(root);
    await mkdir(join(store.buildsDir, 'old'), { recursive: true });
    await writeFile(join(store.buildsDir, 'old', 'index.html'), '<p>old</p>');
    await store.swap('old');
    const served = store.currentDir();

    const nowhere = `http://127.0.0.1:${await freePort()}/graphql`;
    const fingerprint = { lastBatchId: 1, lastPublishedAt: null, day: '2026-12-02', caseState: '0' };
    await expect(store.build(nowhere, fingerprint)).rejects.toThrow(
      /The site build failed \(exit \d+\):[\s\S]*(ECONNREFUSED|fetch failed)/,
    );
    expect(store.currentDir()).toBe(served);
    expect(realpathSync(store.currentLink)).toBe(join(realpathSync(store.buildsDir), 'old'));
    expect(await readdir(store.buildsDir)).toEqual(['old']);
    expect(existsSync(join(served!, 'index.html'))).toBe(true);
  });
});
