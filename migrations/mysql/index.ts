import { Initial1795686550735 } from './1795686550735-Initial';
import { Distributions1795688259464 } from './1795688259464-Distributions';
import { Assignments1795688917996 } from './1795688917996-Assignments';
import { EditVersions1796101854872 } from './1796101854872-EditVersions';

/** Applied in this order; each file is reviewed code. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const mysqlMigrations: Function[] = [Initial1795686550735, Distributions1795688259464, Assignments1795688917996, EditVersions1796101854872];
