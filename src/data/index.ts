/** All repositories over one database: the only writers of the board's tables. */
import { TavlaDb } from './db';
import { attendanceRepo } from './repos/attendance';
import { blobsRepo, pictogramsRepo } from './repos/blobs';
import { deviationsRepo } from './repos/deviations';
import { draftsRepo, settingsRepo } from './repos/device';
import { goalsRepo } from './repos/goals';
import { improvementsRepo } from './repos/improvements';
import { personsRepo } from './repos/persons';
import { syncRepo } from './repos/sync';
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
    pictograms: pictogramsRepo(db),
    blobs: blobsRepo(db),
    settings: settingsRepo(db),
    drafts: draftsRepo(db),
    sync: syncRepo(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export { TavlaDb };
