import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * The names of the fields a query selects at `path` below the field being resolved (e.g.
 * ["edges", "node"] under a connection), through aliases, fragments and inline fragments. A
 * resolver uses it to read children it will be asked for in the same statement as the parent;
 * `@skip`/`@include` are not evaluated, so a field under either counts as selected (reading a
 * child nobody shows costs a little, never a wrong answer: the children resolve through the
 * same loaders either way).
 */
export function selectedFieldNames(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, path: readonly string[]): Set<string> {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const step of path) {
    const next: SelectionSetNode[] = [];
    visit(info, sets, (name, selectionSet) => {
      if (name === step && selectionSet) next.push(selectionSet);
    });
    sets = next;
  }
  const names = new Set<string>();
  visit(info, sets, (name) => names.add(name));
  return names;
}

function visit(
  info: Pick<GraphQLResolveInfo, "fragments">,
  sets: readonly SelectionSetNode[],
  onField: (name: string, selectionSet: SelectionSetNode | undefined) => void,
  seen: Set<string> = new Set(),
): void {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        onField(selection.name.value, selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(info, [selection.selectionSet], onField, seen);
      } else {
        const name = selection.name.value;
        const fragment = info.fragments[name];
        // Validation forbids fragment cycles; `seen` only spares walking one fragment twice.
        if (fragment && !seen.has(name)) {
          seen.add(name);
          visit(info, [fragment.selectionSet], onField, seen);
        }
      }
    }
  }
}
