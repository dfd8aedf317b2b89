import { MigrationInterface, QueryRunner } from 'typeorm';

export class EditVersions1796101852656 implements MigrationInterface {
  name = 'EditVersions1796101852656';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_assignment_space"`);
    await queryRunner.query(`CREATE TABLE "temporary_assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "title" varchar(300) NOT NULL, "instructions" text NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "sourceSnapshotId" varchar(36), "items" text NOT NULL, "policies" text NOT NULL, "message" varchar(2000) NOT NULL, "releaseAt" datetime NOT NULL, "releasedAt" datetime, "distributionId" varchar(36), "deadline" datetime NOT NULL, "timeZone" varchar(64) NOT NULL, "handInPaths" text NOT NULL, "sizeLimitBytes" bigint NOT NULL, "latePolicy" text NOT NULL, "gradingScheme" varchar(16) NOT NULL, "maxPoints" integer, "handBackVisible" boolean NOT NULL DEFAULT (0), "collectAtDeadline" boolean NOT NULL DEFAULT (0), "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (1), "updatedById" varchar(36))`);
    await queryRunner.query(`INSERT INTO "temporary_assignment"("id", "spaceId", "title", "instructions", "sourceWorkspaceId", "sourceSnapshotId", "items", "policies", "message", "releaseAt", "releasedAt", "distributionId", "deadline", "timeZone", "handInPaths", "sizeLimitBytes", "latePolicy", "gradingScheme", "maxPoints", "handBackVisible", "collectAtDeadline", "createdById", "createdAt", "updatedAt") SELECT "id", "spaceId", "title", "instructions", "sourceWorkspaceId", "sourceSnapshotId", "items", "policies", "message", "releaseAt", "releasedAt", "distributionId", "deadline", "timeZone", "handInPaths", "sizeLimitBytes", "latePolicy", "gradingScheme", "maxPoints", "handBackVisible", "collectAtDeadline", "createdById", "createdAt", "updatedAt" FROM "assignment"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`ALTER TABLE "temporary_assignment" RENAME TO "assignment"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_space" ON "assignment" ("spaceId", "deadline") `);
    await queryRunner.query(`DROP INDEX "uq_grade_student"`);
    await queryRunner.query(`CREATE TABLE "temporary_grade" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "handInId" varchar(36), "pointsHundredths" integer, "textGrade" varchar(200), "comment" text NOT NULL, "feedbackTreeId" varchar(64) NOT NULL, "gradedById" varchar(36), "gradedAt" datetime, "returnedAt" datetime, "updatedAt" datetime NOT NULL, "version" integer NOT NULL DEFAULT (0))`);
    await queryRunner.query(`INSERT INTO "temporary_grade"("id", "assignmentId", "studentId", "handInId", "pointsHundredths", "textGrade", "comment", "feedbackTreeId", "gradedById", "gradedAt", "returnedAt", "updatedAt") SELECT "id", "assignmentId", "studentId", "handInId", "pointsHundredths", "textGrade", "comment", "feedbackTreeId", "gradedById", "gradedAt", "returnedAt", "updatedAt" FROM "grade"`);
    await queryRunner.query(`DROP TABLE "grade"`);
    await queryRunner.query(`ALTER TABLE "temporary_grade" RENAME TO "grade"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_grade_student" ON "grade" ("assignmentId", "studentId") `);
    // Until its first edit, an assignment was last changed by whoever created it.
    await queryRunner.query(`UPDATE "assignment" SET "updatedById" = "createdById"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_grade_student"`);
    await queryRunner.query(`ALTER TABLE "grade" RENAME TO "temporary_grade"`);
    await queryRunner.query(`CREATE TABLE "grade" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "handInId" varchar(36), "pointsHundredths" integer, "textGrade" varchar(200), "comment" text NOT NULL, "feedbackTreeId" varchar(64) NOT NULL, "gradedById" varchar(36), "gradedAt" datetime, "returnedAt" datetime, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "grade"("id", "assignmentId", "studentId", "handInId", "pointsHundredths", "textGrade", "comment", "feedbackTreeId", "gradedById", "gradedAt", "returnedAt", "updatedAt") SELECT "id", "assignmentId", "studentId", "handInId", "pointsHundredths", "textGrade", "comment", "feedbackTreeId", "gradedById", "gradedAt", "returnedAt", "updatedAt" FROM "temporary_grade"`);
    await queryRunner.query(`DROP TABLE "temporary_grade"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_grade_student" ON "grade" ("assignmentId", "studentId") `);
    await queryRunner.query(`DROP INDEX "ix_assignment_space"`);
    await queryRunner.query(`ALTER TABLE "assignment" RENAME TO "temporary_assignment"`);
    await queryRunner.query(`CREATE TABLE "assignment" ("id" varchar(36) PRIMARY KEY NOT NULL, "spaceId" varchar(36) NOT NULL, "title" varchar(300) NOT NULL, "instructions" text NOT NULL, "sourceWorkspaceId" varchar(36) NOT NULL, "sourceSnapshotId" varchar(36), "items" text NOT NULL, "policies" text NOT NULL, "message" varchar(2000) NOT NULL, "releaseAt" datetime NOT NULL, "releasedAt" datetime, "distributionId" varchar(36), "deadline" datetime NOT NULL, "timeZone" varchar(64) NOT NULL, "handInPaths" text NOT NULL, "sizeLimitBytes" bigint NOT NULL, "latePolicy" text NOT NULL, "gradingScheme" varchar(16) NOT NULL, "maxPoints" integer, "handBackVisible" boolean NOT NULL DEFAULT (0), "collectAtDeadline" boolean NOT NULL DEFAULT (0), "createdById" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`INSERT INTO "assignment"("id", "spaceId", "title", "instructions", "sourceWorkspaceId", "sourceSnapshotId", "items", "policies", "message", "releaseAt", "releasedAt", "distributionId", "deadline", "timeZone", "handInPaths", "sizeLimitBytes", "latePolicy", "gradingScheme", "maxPoints", "handBackVisible", "collectAtDeadline", "createdById", "createdAt", "updatedAt") SELECT "id", "spaceId", "title", "instructions", "sourceWorkspaceId", "sourceSnapshotId", "items", "policies", "message", "releaseAt", "releasedAt", "distributionId", "deadline", "timeZone", "handInPaths", "sizeLimitBytes", "latePolicy", "gradingScheme", "maxPoints", "handBackVisible", "collectAtDeadline", "createdById", "createdAt", "updatedAt" FROM "temporary_assignment"`);
    await queryRunner.query(`DROP TABLE "temporary_assignment"`);
    await queryRunner.query(`CREATE INDEX "ix_assignment_space" ON "assignment" ("spaceId", "deadline") `);
  }
}
