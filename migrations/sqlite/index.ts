import { Initial1795686550514 } from './1795686550514-Initial';

/** Applied in this order; each file is reviewed code. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const sqliteMigrations: Function[] = [Initial1795686550514];
