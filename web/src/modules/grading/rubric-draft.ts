import type { RubricFieldsFragment, RubricInput } from '../../gql/graphql';

/** A level as the editor holds it: text fields, and the server's id once saved (which keeps graders' picks). */
export interface LevelDraft {
  key: string;
  id: string | null;
  title: string;
  points: string;
}

export interface CriterionDraft {
  key: string;
  id: string | null;
  title: string;
  description: string;
  maxPoints: string;
  levels: LevelDraft[];
}

let next = 0;
const key = () => `new-${++next}`;

export const emptyLevel = (): LevelDraft => ({ key: key(), id: null, title: '', points: '' });
export const emptyCriterion = (): CriterionDraft => ({ key: key(), id: null, title: '', description: '', maxPoints: '', levels: [emptyLevel()] });

export function draftFromRubric(rubric: RubricFieldsFragment | null): { criteria: CriterionDraft[]; comments: string } {
  if (!rubric) return { criteria: [emptyCriterion()], comments: '' };
  return {
    criteria: rubric.criteria.map((c) => ({
      key: c.id,
      id: c.id,
      title: c.title,
      description: c.description,
      maxPoints: String(c.maxPoints),
      levels: c.levels.map((l) => ({ key: l.id, id: l.id, title: l.title, points: String(l.points) })),
    })),
    comments: rubric.comments.join('\n'),
  };
}

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(',', '.')));

/** A points field that is not a number, named as the editor labels it; the server checks the rest. */
export function draftProblem(criteria: readonly CriterionDraft[]): string | null {
  for (const [i, c] of criteria.entries()) {
    const name = c.title.trim() || `criterion ${i + 1}`;
    if (!Number.isFinite(num(c.maxPoints))) return `Max points of ${name} must be a number.`;
    for (const [j, l] of c.levels.entries()) {
      if (!Number.isFinite(num(l.points))) return `Points of level ${j + 1} of ${name} must be a number.`;
    }
  }
  return null;
}

/** The editor's state as the API takes it (check {@link draftProblem} first). */
export function draftToInput(criteria: readonly CriterionDraft[], comments: string): RubricInput {
  return {
    criteria: criteria.map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      title: c.title,
      description: c.description || null,
      maxPoints: num(c.maxPoints),
      levels: c.levels.map((l) => ({ ...(l.id ? { id: l.id } : {}), title: l.title, points: num(l.points) })),
    })),
    comments: comments
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}
