import { Initial1795686550514 } from './1795686550514-Initial';
import { Distributions1795688259198 } from './1795688259198-Distributions';
import { Assignments1795688917655 } from './1795688917655-Assignments';
import { EditVersions1796101852656 } from './1796101852656-EditVersions';

/** Applied in this order; each file is reviewed code. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795686550514, Distributions1795688259198, Assignments1795688917655, EditVersions1796101852656];
