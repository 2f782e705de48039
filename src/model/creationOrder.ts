// Records in the order they were made: by creation time (ISO 8601, so it sorts as text), then by
// id. Plain comparison, not localeCompare: sorting 20,000 boxes this way takes a millisecond or
// two, and almost nothing when they already are in order.

export function byCreation(a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
