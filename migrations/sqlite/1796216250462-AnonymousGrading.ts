import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnonymousGrading1796216250462 implements MigrationInterface {
  name = 'AnonymousGrading1796216250462';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "student_alias" ("assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "number" integer NOT NULL, PRIMARY KEY ("assignmentId", "studentId"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_student_alias_number" ON "student_alias" ("assignmentId", "number") `);
    // Adding the column keeps the table as it is (the rebuild the generator proposes is not needed).
    await queryRunner.query(`ALTER TABLE "assignment" ADD COLUMN "anonymousGrading" boolean NOT NULL DEFAULT (0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "assignment" DROP COLUMN "anonymousGrading"`);
    await queryRunner.query(`DROP INDEX "uq_student_alias_number"`);
    await queryRunner.query(`DROP TABLE "student_alias"`);
  }
}
