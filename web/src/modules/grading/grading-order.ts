/**
 * The order in which a grader walks through students: the tracker's list as
 * it was when grading started. It is kept while moving next and previous, so
 * a student who drops out of the filter once graded ("handed in" becomes
 * "graded") keeps their place; the tracker forgets it when shown again.
 */
export interface OrderedStudent {
  id: string;
  name: string;
}

export interface Neighbours {
  previous: OrderedStudent | null;
  next: OrderedStudent | null;
  /** 1-based place of the student, or null when they are not in the order. */
  position: number | null;
  total: number;
}

/** The students before and after `studentId` in `order`. */
export function neighbours(order: readonly OrderedStudent[], studentId: string): Neighbours {
  const index = order.findIndex((s) => s.id === studentId);
  if (index < 0) return { previous: null, next: null, position: null, total: order.length };
  return {
    previous: order[index - 1] ?? null,
    next: order[index + 1] ?? null,
    position: index + 1,
    total: order.length,
  };
}

const orders = new Map<string, readonly OrderedStudent[]>();
const keyOf = (assignmentId: string, filtersKey: string) => `${assignmentId}\n${filtersKey}`;

export function recallOrder(assignmentId: string, filtersKey: string): readonly OrderedStudent[] | undefined {
  return orders.get(keyOf(assignmentId, filtersKey));
}

export function rememberOrder(assignmentId: string, filtersKey: string, order: readonly OrderedStudent[]): void {
  orders.set(keyOf(assignmentId, filtersKey), order);
}

/** Drops every order kept for an assignment: the next grading session reads the list afresh. */
export function forgetOrders(assignmentId: string): void {
  for (const key of orders.keys()) if (key.startsWith(`${assignmentId}\n`)) orders.delete(key);
}
