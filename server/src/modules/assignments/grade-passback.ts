import type { EntityManager } from 'typeorm';
import type { Assignment } from './assignment.entity';
import type { Grade } from './grade.entity';

/**
 * Scores sent on to the course's learning management system, written in the
 * transaction of the hand-in or the return of grades (so a rolled-back change
 * sends nothing). Implemented where the platforms are known.
 */
export interface GradePassback {
  handedIn(m: EntityManager, assignment: Assignment, studentId: string, at: Date): Promise<number>;
  returned(m: EntityManager, assignment: Assignment, grades: readonly Grade[], at: Date): Promise<number>;
  /** Tells the worker scores are waiting (after the commit that wrote them). */
  wake(): void;
}
