/** All repositories over one database: the only writers of the board's tables. */
import { TavlaDb } from './db';
import { attendanceRepo } from './repos/attendance';
import type { backupRepo } from './repos/backup';
import { lazyRepo } from './repos/lazy';
import type { reportsRepo } from './repos/reports';
import type { retentionRepo } from './repos/retention';
import { blobsRepo, pictogramsRepo } from './repos/blobs';
import { deviationsRepo } from './repos/deviations';
import { draftsRepo, settingsRepo } from './repos/device';
import { goalsRepo } from './repos/goals';
import { growthRepo } from './repos/growth';
import { improvementsRepo } from './repos/improvements';
import { meetingsRepo } from './repos/meetings';
import { personsRepo } from './repos/persons';
import { syncRepo } from './repos/sync';
import { voiceClipsRepo } from './repos/voiceClips';
import { workRepo } from './repos/work';
import { workplacesRepo } from './repos/workplaces';

export function createRepositories(db: TavlaDb) {
  return {
    db,
    workplaces: workplacesRepo(db),
    persons: personsRepo(db),
    attendance: attendanceRepo(db),
    goals: goalsRepo(db),
    work: workRepo(db),
    deviations: deviationsRepo(db),
    improvements: improvementsRepo(db),
    meetings: meetingsRepo(db),
    pictograms: pictogramsRepo(db),
    blobs: blobsRepo(db),
    settings: settingsRepo(db),
    drafts: draftsRepo(db),
    sync: syncRepo(db),
    // supervisor-only, loaded on first use (see repos/lazy.ts)
    reports: lazyRepo<ReturnType<typeof reportsRepo>>(() => import('./repos/reports').then((m) => m.reportsRepo(db)), ['people', 'marks', 'trends', 'attendanceMonths', 'personMarks']),
    retention: lazyRepo<ReturnType<typeof retentionRepo>>(() => import('./repos/retention').then((m) => m.retentionRepo(db)), ['setMonths', 'sweep']),
    backup: lazyRepo<ReturnType<typeof backupRepo>>(() => import('./repos/backup').then((m) => m.backupRepo(db)), ['exists', 'collect', 'restore', 'finishRestore']),
    voiceClips: voiceClipsRepo(db),
    growth: growthRepo(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export { TavlaDb };
