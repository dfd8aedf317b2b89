import { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedbackVersion1796106566242 implements MigrationInterface {
  name = 'FeedbackVersion1796106566242';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_grade_student"`);
    await queryRunner.query(`CREATE TABLE "temporary_grade" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "handInId" varchar(36), "pointsHundredths" integer, "textGrade" varchar(200), "comment" text NOT NULL, "feedbackTreeId" varchar(64) NOT NULL, "gradedById" varchar(36), "gradedAt" datetime, "returnedAt" datetime, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (0), "feedbackVersion" integer NOT NULL DEFAULT (0), "feedbackChangedById" varchar(36), "feedbackChangedAt" datetime)`);
    await queryRunner.query(`INSERT INTO "temporary_grade"("id", "assignmentId", "studentId", "handInId", "pointsHundredths", "textGrade", "comment", "feedbackTreeId", "gradedById", "gradedAt", "returnedAt", "updatedAt", "version") SELECT "id", "assignmentId", "studentId", "handInId", "pointsHundredths", "textGrade", "comment", "feedbackTreeId", "gradedById", "gradedAt", "returnedAt", "updatedAt", "version" FROM "grade"`);
    await queryRunner.query(`DROP TABLE "grade"`);
    await queryRunner.query(`ALTER TABLE "temporary_grade" RENAME TO "grade"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_grade_student" ON "grade" ("assignmentId", "studentId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_grade_student"`);
    await queryRunner.query(`ALTER TABLE "grade" RENAME TO "temporary_grade"`);
    await queryRunner.query(`CREATE TABLE "grade" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "handInId" varchar(36), "pointsHundredths" integer, "textGrade" varchar(200), "comment" text NOT NULL, "feedbackTreeId" varchar(64) NOT NULL, "gradedById" varchar(36), "gradedAt" datetime, "returnedAt" datetime, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "grade"("id", "assignmentId", "studentId", "handInId", "pointsHundredths", "textGrade", "comment", "feedbackTreeId", "gradedById", "gradedAt", "returnedAt", "updatedAt", "version") SELECT "id", "assignmentId", "studentId", "handInId", "pointsHundredths", "textGrade", "comment", "feedbackTreeId", "gradedById", "gradedAt", "returnedAt", "updatedAt", "version" FROM "temporary_grade"`);
    await queryRunner.query(`DROP TABLE "temporary_grade"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_grade_student" ON "grade" ("assignmentId", "studentId") `);
  }
}
