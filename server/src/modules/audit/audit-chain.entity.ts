import { Entity } from 'typeorm';
import { HashColumn, IntColumn, RefColumn } from '../../db/columns';

/** The head of a space's audit chain; locked row-wise to append in order. */
@Entity('audit_chain')
export class AuditChain {
  @RefColumn({ primary: true }) spaceId: string;
  @IntColumn() seq: number;
  @HashColumn() lastHash: string;
}
