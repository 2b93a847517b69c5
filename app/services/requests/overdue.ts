/** 逾期: a request IN_SERVICE past its due date (database clock `now`). */
export function isOverdue(r: { status: string; dueAt: Date | string | null }, now: Date): boolean {
  return r.status === "IN_SERVICE" && r.dueAt !== null && now.getTime() > new Date(r.dueAt).getTime();
}
