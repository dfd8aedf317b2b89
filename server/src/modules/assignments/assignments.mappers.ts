import { itemNode } from '../stage/stage.types';
import type { Assignment } from './assignment.entity';
import type { Grade } from './grade.entity';
import type { HandIn } from './hand-in.entity';
import type { StudentRow } from './status.service';

/** Entity-to-GraphQL shapes for assignments. */
export const assignmentNode = (a: Assignment) => ({ ...a, items: a.items.map(itemNode) });

export const handInNode = (h: HandIn) => ({ ...h, contentHash: h.rootTreeId });

export const gradeNode = (g: Grade) => ({
  ...g,
  points: g.pointsHundredths === null ? null : g.pointsHundredths / 100,
});

/** A status row; `showGrade` is false for a student whose feedback is not returned and visible. */
export const statusNode = (r: StudentRow, showGrade = true) => ({
  ...r,
  latestHandIn: r.latestHandIn && handInNode(r.latestHandIn),
  gradedHandIn: r.gradedHandIn && handInNode(r.gradedHandIn),
  lateByMinutes: Math.round(r.lateByMs / 600) / 100,
  grade: showGrade && r.grade ? gradeNode(r.grade) : null,
  finalPoints: showGrade ? r.finalPoints : null,
});
