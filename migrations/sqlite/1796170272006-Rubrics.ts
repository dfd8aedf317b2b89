import { MigrationInterface, QueryRunner } from 'typeorm';

export class Rubrics1796170272006 implements MigrationInterface {
  name = 'Rubrics1796170272006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "regrade_request" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "criterionKey" varchar(36) NOT NULL, "criterionTitle" varchar(200) NOT NULL, "message" text NOT NULL, "createdAt" datetime NOT NULL, "pointsBeforeHundredths" integer, "pointsAfterHundredths" integer, "reply" text, "resolvedById" varchar(36), "resolvedAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_regrade_request_open" ON "regrade_request" ("assignmentId", "resolvedAt") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_regrade_request" ON "regrade_request" ("assignmentId", "studentId", "criterionKey") `);
    await queryRunner.query(`CREATE TABLE "rubric" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "criteria" text NOT NULL, "comments" text NOT NULL, "version" integer NOT NULL DEFAULT (1), "updatedById" varchar(36) NOT NULL, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_rubric_assignment" ON "rubric" ("assignmentId") `);
    await queryRunner.query(`CREATE TABLE "rubric_score" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "picks" text NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_rubric_score_student" ON "rubric_score" ("assignmentId", "studentId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_rubric_score_student"`);
    await queryRunner.query(`DROP TABLE "rubric_score"`);
    await queryRunner.query(`DROP INDEX "uq_rubric_assignment"`);
    await queryRunner.query(`DROP TABLE "rubric"`);
    await queryRunner.query(`DROP INDEX "uq_regrade_request"`);
    await queryRunner.query(`DROP INDEX "ix_regrade_request_open"`);
    await queryRunner.query(`DROP TABLE "regrade_request"`);
  }
}
