import { Entity, Index } from 'typeorm';
import { BoolColumn, DateTimeColumn, IdColumn, StringColumn } from '../../db/columns';

@Entity('user')
export class User {
  @IdColumn() id: string;
  /** Lower-cased; unique. */
  @Index('uq_user_email', { unique: true })
  @StringColumn(320)
  email: string;
  @StringColumn(200) name: string;
  /** argon2id hash; null for accounts that only use invitations not yet accepted. */
  @StringColumn(255, { nullable: true }) passwordHash: string | null;
  @DateTimeColumn() createdAt: Date;
  /** Runs the instance: may create spaces even when sign-up is closed (see core/policy/accounts.ts). */
  @BoolColumn() instanceAdmin: boolean;
}
