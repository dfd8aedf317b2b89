import { MigrationInterface, QueryRunner } from 'typeorm';

export class GroupAssignments1796230654459 implements MigrationInterface {
  name = 'GroupAssignments1796230654459';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`assignment_group\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`name\` varchar(200) NOT NULL, \`workspaceId\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_assignment_group_name\` (\`assignmentId\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`assignment_group_member\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`groupId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, INDEX \`ix_assignment_group_member_group\` (\`groupId\`), UNIQUE INDEX \`uq_assignment_group_member\` (\`assignmentId\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`grade_adjustment\` (\`id\` varchar(36) NOT NULL, \`assignmentId\` varchar(36) NOT NULL, \`groupId\` varchar(36) NOT NULL, \`studentId\` varchar(36) NOT NULL, \`pointsHundredths\` int NOT NULL, \`reason\` varchar(1000) NOT NULL, \`setById\` varchar(36) NOT NULL, \`setAt\` datetime(3) NOT NULL, UNIQUE INDEX \`uq_grade_adjustment\` (\`assignmentId\`, \`studentId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`workspace_member\` (\`id\` varchar(36) NOT NULL, \`workspaceId\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, INDEX \`ix_workspace_member_user\` (\`userId\`), UNIQUE INDEX \`uq_workspace_member\` (\`workspaceId\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`workspace\` ADD \`membersOnly\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`assignment\` ADD \`groupWork\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`hand_in\` ADD \`groupMemberIds\` longtext NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`hand_in\` DROP COLUMN \`groupMemberIds\``);
    await queryRunner.query(`ALTER TABLE \`assignment\` DROP COLUMN \`groupWork\``);
    await queryRunner.query(`ALTER TABLE \`workspace\` DROP COLUMN \`membersOnly\``);
    await queryRunner.query(`DROP INDEX \`uq_workspace_member\` ON \`workspace_member\``);
    await queryRunner.query(`DROP INDEX \`ix_workspace_member_user\` ON \`workspace_member\``);
    await queryRunner.query(`DROP TABLE \`workspace_member\``);
    await queryRunner.query(`DROP INDEX \`uq_grade_adjustment\` ON \`grade_adjustment\``);
    await queryRunner.query(`DROP TABLE \`grade_adjustment\``);
    await queryRunner.query(`DROP INDEX \`uq_assignment_group_member\` ON \`assignment_group_member\``);
    await queryRunner.query(`DROP INDEX \`ix_assignment_group_member_group\` ON \`assignment_group_member\``);
    await queryRunner.query(`DROP TABLE \`assignment_group_member\``);
    await queryRunner.query(`DROP INDEX \`uq_assignment_group_name\` ON \`assignment_group\``);
    await queryRunner.query(`DROP TABLE \`assignment_group\``);
  }
}
