import { MigrationInterface, QueryRunner } from 'typeorm';

export class Annotations1796172731649 implements MigrationInterface {
  name = 'Annotations1796172731649';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "annotation" ("id" varchar(36) PRIMARY KEY NOT NULL, "assignmentId" varchar(36) NOT NULL, "studentId" varchar(36) NOT NULL, "handInId" varchar(36) NOT NULL, "path" varchar(1000) NOT NULL, "startLine" integer, "endLine" integer, "cellIndex" integer, "cellId" varchar(200), "body" text NOT NULL, "authorId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL, "updatedById" varchar(36), "updatedAt" datetime NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "ix_annotation_grade" ON "annotation" ("assignmentId", "studentId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_annotation_grade"`);
    await queryRunner.query(`DROP TABLE "annotation"`);
  }
}
