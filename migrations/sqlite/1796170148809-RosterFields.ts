import { MigrationInterface, QueryRunner } from 'typeorm';
import { normaliseStoredEmails } from '../normalise-emails';

export class RosterFields1796170148809 implements MigrationInterface {
  name = 'RosterFields1796170148809';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Adding columns keeps the tables as they are (the rebuild the generator proposes is not needed).
    await queryRunner.query(`ALTER TABLE "membership" ADD COLUMN "studentNumber" varchar(64)`);
    await queryRunner.query(`ALTER TABLE "membership" ADD COLUMN "section" varchar(100)`);
    await queryRunner.query(`ALTER TABLE "invitation" ADD COLUMN "studentNumber" varchar(64)`);
    await queryRunner.query(`ALTER TABLE "invitation" ADD COLUMN "section" varchar(100)`);
    await normaliseStoredEmails(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitation" DROP COLUMN "section"`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP COLUMN "studentNumber"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "section"`);
    await queryRunner.query(`ALTER TABLE "membership" DROP COLUMN "studentNumber"`);
  }
}
