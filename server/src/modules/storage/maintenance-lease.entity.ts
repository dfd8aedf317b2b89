import { Entity } from 'typeorm';
import { DateTimeColumn, StringColumn } from '../../db/columns';

/**
 * One row per maintenance task run by whichever process holds its lease
 * (the garbage collector): at most one holder at a time across processes,
 * and when the task last finished, so a schedule is kept across them all.
 */
@Entity('maintenance_lease')
export class MaintenanceLease {
  @StringColumn(64, { primary: true }) name: string;
  @StringColumn(100, { nullable: true }) holder: string | null;
  @DateTimeColumn({ nullable: true }) expiresAt: Date | null;
  @DateTimeColumn({ nullable: true }) lastFinishedAt: Date | null;
}
