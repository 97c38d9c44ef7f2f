import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { livePostmaster } from '@hub/db';
import { hubCommand, hubEnv, hubRecord } from './support.ts';

/**
 * Commands with no hub running (issue 10.1): the first to need the database starts it and owns
 * the folder; a second one at the same time joins it as a client, and the owner waits for it
 * before stopping the database.
 */
describe('two commands at once without a hub', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('share one embedded database and leave nothing running', { timeout: 240_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hub-commands-'));
    dirs.push(dataDir);
    const env = await hubEnv({ dataDir, siteDir: join(dataDir, 'site') });
    // the first start creates the cluster; then two commands race for it
    expect((await hubCommand(['batches'], env)).code).toBe(0);
    const [a, b] = await Promise.all([hubCommand(['token', 'create', '甲'], env), hubCommand(['token', 'create', '乙'], env)]);
    for (const r of [a, b]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('created');
    }
    expect(hubRecord(dataDir)).toBeNull();
    expect(livePostmaster(join(dataDir, 'pg'))).toBeNull();
    // both tokens exist: the names are taken now
    const again = await hubCommand(['token', 'create', '甲'], env);
    expect(again.code).toBe(2);
  });
});
