import { PgConnection } from '@hub/db';
import type { Clock } from '../clock.ts';
import { observeSiteBuild } from '../ops/metrics.ts';
import { dataFingerprint, sameData, type BuildInfo, type Fingerprint, type SiteStore } from '../site/builds.ts';

/**
 * The running hub's site: one build at a time, requests arriving during a build coalesced into
 * one more build after it (it reads the data as it is then), each build swapped in only when it
 * finished (site/builds.ts). A failed build is logged with its reason and the previous build
 * stays served.
 */
export class LiveSite {
  private queued: Promise<BuildInfo> | null = null;
  private last: Promise<unknown> = Promise.resolve();
  lastError: string | null = null;

  constructor(
    readonly store: SiteStore,
    private readonly apiUrl: string,
    private readonly databaseUrl: string,
    private readonly clock: Clock,
    private readonly log: (line: string) => void = (line) => console.log(line),
  ) {}

  fingerprint(): Promise<Fingerprint> {
    return PgConnection.using(this.databaseUrl, (db) => dataFingerprint(db, this.clock.today()));
  }

  /** Whether the served build shows the data as it is now. */
  async isCurrent(): Promise<boolean> {
    return sameData(this.store.currentInfo()?.fingerprint, await this.fingerprint());
  }

  rebuild(reason: string): Promise<BuildInfo> {
    if (this.queued) return this.queued;
    const next = this.last
      .catch(() => undefined)
      .then(async () => {
        this.queued = null;
        this.log(`[site] building (${reason}) …`);
        try {
          const info = await this.store.build(this.apiUrl, await this.fingerprint(), { today: this.clock.today() });
          this.lastError = null;
          observeSiteBuild(info.seconds * 1000);
          this.log(`[site] new build ${info.id} served (${info.seconds.toFixed(1)} s)`);
          return info;
        } catch (error) {
          this.lastError = error instanceof Error ? error.message : String(error);
          const served = this.store.currentInfo()?.id ?? this.store.currentDir() ?? 'none';
          this.log(`[site] the build failed; still serving the previous build (${served}). Why:\n${this.lastError}`);
          throw error;
        }
      });
    this.queued = next;
    this.last = next;
    return next;
  }

  /** Waits for the builds started so far. */
  async idle(): Promise<void> {
    await this.last.catch(() => undefined);
  }
}
