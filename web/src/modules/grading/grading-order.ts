/** A student in a grader's walk through the tracker's list. */
export interface OrderedStudent {
  id: string;
  name: string;
}

export interface Neighbours {
  previous: OrderedStudent | null;
  next: OrderedStudent | null;
  /** 1-based place of the student, or null when not known yet. */
  position: number | null;
  total: number;
}
