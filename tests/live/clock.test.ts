import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@hub/db/plain-date';
import { followUpsInSpotCheckFile, spotChecksTable } from '../import/data.ts';
import { writeXlsx } from '../import/fixtures.ts';
import { graphql, hubCommand, hubEnv, hubRecord, startHub, stopHub, type Folder, type Hub } from './support.ts';

const PUBLISHED_ON = '2025-03-12';
const REPORT = 'HB2025-0003';

/**
 * True every day (issue 10.3–4, the running hub's side): a hub on a manual clock is moved across
 * the end of a failure's objection window (003 Art. 7, 15) without anyone publishing. The API and
 * the site show the failure from that day on, and not the day before.
 */
describe('a live hub across a day boundary', () => {
  let folder: Folder;
  let env: Record<string, string>;
  let hub: Hub;
  let listedFrom: string;
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    folder = { dataDir: await mkdtemp(join(tmpdir(), 'hub-clock-')), siteDir: await mkdtemp(join(tmpdir(), 'hub-clock-site-')) };
    const files = await mkdtemp(join(tmpdir(), 'hub-clock-files-'));
    cleanup.push(
      () => rm(folder.dataDir, { recursive: true, force: true }),
      () => rm(folder.siteDir, { recursive: true, force: true }),
      () => rm(files, { recursive: true, force: true }),
    );
    env = await hubEnv(folder, { HUB_CLOCK: 'manual', HUB_TODAY: PUBLISHED_ON });
    hub = await startHub(env);
    cleanup.push(() => stopHub(hub));
    expect(hub.output()).toContain(`Clock: manual (test mode), today ${PUBLISHED_ON}`);

    const file = join(files, 'round.xlsx');
    await writeXlsx(file, [{ name: '抽查结果', table: [spotChecksTable, followUpsInSpotCheckFile] }]);
    const imported = await hubCommand(['import', file, '--kind', 'spot-checks'], env);
    expect(imported.code).toBe(0);
    const batch = /batch (\d+)/.exec(imported.stdout)![1];
    const published = await hubCommand(['publish', batch, '--site'], env);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);

    // the first day the failure is listed, as the rules stored it (its objection window's end)
    const client = new pg.Client({ connectionString: hubRecord(folder.dataDir)!.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ d: string }>(
      `SELECT to_char(min(p.valid_from), 'YYYY-MM-DD') AS d FROM case_period p JOIN spot_check s ON s.id = p.spot_check_id
        WHERE s.report_no = $1 AND p.published`,
      [REPORT],
    );
    await client.end();
    listedFrom = rows[0].d;
  }, 400_000);
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
  });

  const inApi = async () => (await graphql(hub.api, `{ spotCheck(reportNo: "${REPORT}") { reportNo } }`)).spotCheck?.reportNo ?? null;
  const onSite = async () => (await (await fetch(`${hub.site}/spot-checks/failures/`)).text()).includes(REPORT);

  it('is not listed while the objection window runs', async () => {
    expect(listedFrom > PUBLISHED_ON).toBe(true);
    expect(await inApi()).toBeNull();
    expect(await onSite()).toBe(false);
  });

  it('is still not listed on the last day of the window', { timeout: 300_000 }, async () => {
    const moved = await hubCommand(['clock', 'set', addDays(listedFrom, -1)], env);
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(await inApi()).toBeNull();
    expect(await onSite()).toBe(false);
  });

  it('is listed in the API and on the site from the day the window ends, with no publish', { timeout: 300_000 }, async () => {
    const moved = await hubCommand(['clock', 'set', listedFrom], env);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('the site was rebuilt');
    expect(await inApi()).toBe(REPORT);
    expect(await onSite()).toBe(true);
  });

  it('refuses to move a hub on the real clock', { timeout: 120_000 }, async () => {
    await stopHub(hub);
    const real = await startHub({ ...env, HUB_CLOCK: '', HUB_BUILD_SITE: '0' });
    hub = real;
    const moved = await hubCommand(['clock', 'set', '2030-01-01'], env);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain('No running hub with a manual clock');
  });
});
