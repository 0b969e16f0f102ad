
/** The kinds of work the service does. Shared by every region; what each strand costs and
 * whether it is held to capacity is policy data, not code. */
export const STRANDS = [
  "RAPID_RESPONSE",
  "PROJECT_SUPPORT",
  "HOST_SUPPORT",
  "KNOWLEDGE_HUB",
  "STRATEGIC",
] as const;
export type Strand = (typeof STRANDS)[number];

export function isStrand(value: unknown): value is Strand {
  return typeof value === "string" && (STRANDS as readonly string[]).includes(value);
}
