/**
 * Rule 17: free-text notes are for the region's own staff only. Every entity keeps them in a
 * field named `notes`, so a caller serving a funder strips them with one function and the type
 * system shows they are gone.
 */
export type WithoutNotes<T> = Omit<T, "notes">;

export function withoutNotes<T extends { readonly notes: unknown }>(value: T): WithoutNotes<T> {
  const { notes: _notes, ...rest } = value;
  return rest;
}

/** Whether a viewer of this role may read notes: only the region's own staff. */
export function mayReadNotes(role: "REGION_ADMIN" | "ADVISER" | "AUTHORITY" | "FUNDER"): boolean {
  return role === "REGION_ADMIN" || role === "ADVISER";
}
