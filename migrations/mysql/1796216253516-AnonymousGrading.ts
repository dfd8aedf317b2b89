import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnonymousGrading1796216253516 implements MigrationInterface {
  name = 'AnonymousGrading1796216253516';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`student_alias\` (\`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`number\` int NOT NULL, UNIQUE INDEX \`uq_student_alias_number\` (\`assignmentId\`, \`number\`), PRIMARY KEY (\`assignmentId\`, \`studentId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`anonymousGrading\` tinyint NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`anonymousGrading\``);
    await queryRunner.query(`DROP INDEX \`uq_student_alias_number\` ON \`student_alias\``);
    await queryRunner.query(`DROP TABLE \`student_alias\``);
  }
}
