import type { Queryable } from '@hub/db';
import type { Viewer } from '../access/access.service.ts';
import { BatchRepository } from '../batch/batch.repository.ts';
import { CertificationRepository } from '../certification/certification.repository.ts';
import { CorrectionRepository } from '../correction/correction.repository.ts';
import { DynamicManagementRepository } from '../dynamic-management/dynamic-management.repository.ts';
import { EnterpriseRepository } from '../enterprise/enterprise.repository.ts';
import { LogoRepository } from '../logo/logo.repository.ts';
import { ReferenceRepository } from '../reference/reference.repository.ts';
import { RegistryRepository } from '../registry/registry.repository.ts';
import { RevocationRepository } from '../revocation/revocation.repository.ts';
import type { PlainDate } from '@hub/db/plain-date';
import { SpotCheckRepository } from '../spot-check/spot-check.repository.ts';
import { StatsRepository } from '../stats/stats.repository.ts';
import { SummaryRepository } from '../summary/summary.repository.ts';
import { WarningRepository } from '../warning/warning.repository.ts';

/** Every feature's repository for one request: who asks and today's date, fresh DataLoaders. */
export function createRepositories(db: Queryable, viewer: Viewer, today: PlainDate) {
  return {
    batches: new BatchRepository(db, viewer, today),
    certification: new CertificationRepository(db, viewer, today),
    corrections: new CorrectionRepository(db, viewer, today),
    dynamicManagement: new DynamicManagementRepository(db, viewer, today),
    enterprises: new EnterpriseRepository(db, viewer, today),
    logos: new LogoRepository(db, viewer, today),
    reference: new ReferenceRepository(db, viewer, today),
    registry: new RegistryRepository(db, viewer, today),
    revocations: new RevocationRepository(db, viewer, today),
    spotChecks: new SpotCheckRepository(db, viewer, today),
    stats: new StatsRepository(db, viewer, today),
    summary: new SummaryRepository(db, viewer, today),
    warnings: new WarningRepository(db, viewer, today),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
