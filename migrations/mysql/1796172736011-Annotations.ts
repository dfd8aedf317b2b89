import { MigrationInterface, QueryRunner } from 'typeorm';

export class Annotations1796172736011 implements MigrationInterface {
  name = 'Annotations1796172736011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`annotation\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`handInId\` varchar(36) NOT NULL, \`path\` varchar(1000) NOT NULL, \`startLine\` int NULL, \`endLine\` int NULL, \`cellIndex\` int NULL, \`cellId\` varchar(200) NULL, \`body\` mediumtext NOT NULL, \`authorId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedById\` varchar(36) NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`ix_annotation_grade\` (\`assignmentId\`, \`studentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`ix_annotation_grade\` ON \`annotation\``);
    await queryRunner.query(`DROP TABLE \`annotation\``);
  }
}
