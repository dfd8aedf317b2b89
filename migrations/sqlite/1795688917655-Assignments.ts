import { MigrationInterface, QueryRunner } from 'typeorm';

export class Assignments1795688917655 implements MigrationInterface {
  name = 'Assignments1795688917655';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "title" varchar(300) NOT NULL, "instructions" text NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "sourceSnapshotId" varchar(36), "items" text NOT NULL, "policies" text NOT NULL, "message" varchar(2000) NOT NULL, "releaseAt" datetime NOT NULL, "releasedAt" datetime, "distributionId" varchar(36), "deadline" datetime NOT NULL, "timeZone" varchar(64) NOT NULL, "handInPaths" text NOT NULL, "sizeLimitBytes" bigint NOT NULL, "latePolicy" text NOT NULL, "gradingScheme" varchar(16) NOT NULL, "maxPoints" integer, "handBackVisible" boolean NOT NULL DEFAULT (0), "collectAtDeadline" boolean NOT NULL DEFAULT (0), "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_space" ON "assignment" ("spaceId", "deadline") `);
    await queryRunner.query(`CREATE TABLE "extension" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "deadline" datetime NOT NULL, "reason" varchar(1000) NOT NULL, "grantedById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "revokedAt" datetime, "revokedById" varchar(36), "revokeReason" varchar(1000))`);
    await queryRunner.query(`CREATE INDEX "ix_extension_assignment" ON "extension" ("assignmentId", "studentId") `);
    await queryRunner.query(`CREATE TABLE "grade" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "handInId" varchar(36), "pointsHundredths" integer, "textGrade" varchar(200), "comment" text NOT NULL, "feedbackTreeId" varchar(64) NOT NULL, "gradedById" varchar(36), "gradedAt" datetime, "returnedAt" datetime, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_grade_student" ON "grade" ("assignmentId", "studentId") `);
    await queryRunner.query(`CREATE TABLE "hand_in" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "workspaceId" varchar(36) NOT NULL, "seq" integer NOT NULL, "rootTreeId" varchar(64) NOT NULL, "sizeBytes" bigint NOT NULL, "handedInAt" datetime NOT NULL, "identifier" varchar(200), "message" text NOT NULL, "missingPaths" text NOT NULL, "collected" boolean NOT NULL DEFAULT (0))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_hand_in_seq" ON "hand_in" ("assignmentId", "studentId", "seq") `);
    await queryRunner.query(`CREATE TABLE "scheduled_job" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(16) NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36), "runAt" datetime NOT NULL, "status" varchar(16) NOT NULL, "leaseOwner" varchar(64), "leaseExpiresAt" datetime, "attempts" integer NOT NULL DEFAULT (0), "error" text, "doneAt" datetime)`);
    await queryRunner.query(`CREATE INDEX "ix_scheduled_job_subject" ON "scheduled_job" ("assignmentId", "kind") `);
    await queryRunner.query(`CREATE INDEX "ix_scheduled_job_due" ON "scheduled_job" ("status", "runAt") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_scheduled_job_due"`);
    await queryRunner.query(`DROP INDEX "ix_scheduled_job_subject"`);
    await queryRunner.query(`DROP TABLE "scheduled_job"`);
    await queryRunner.query(`DROP INDEX "uq_hand_in_seq"`);
    await queryRunner.query(`DROP TABLE "hand_in"`);
    await queryRunner.query(`DROP INDEX "uq_grade_student"`);
    await queryRunner.query(`DROP TABLE "grade"`);
    await queryRunner.query(`DROP INDEX "ix_extension_assignment"`);
    await queryRunner.query(`DROP TABLE "extension"`);
    await queryRunner.query(`DROP INDEX "ix_assignment_space"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
  }
}
