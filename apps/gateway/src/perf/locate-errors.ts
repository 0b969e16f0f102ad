import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * The field nodes a response path points at, as graphql-js would report them in an error's
 * `locations`: every field of that response key (alias or name) in the selection, through
 * fragments, in document order.
 */
export function fieldNodesAt(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  path: readonly (string | number)[],
): FieldNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const collect = (set: SelectionSetNode, key: string, into: FieldNode[]): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if ((selection.alias ?? selection.name).value === key) into.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet, key, into);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet, key, into);
      }
    }
  };
  let sets: SelectionSetNode[] = [operation.selectionSet];
  let fields: FieldNode[] = [];
  for (const segment of path) {
    if (typeof segment === "number") continue;
    fields = [];
    for (const set of sets) collect(set, segment, fields);
    sets = fields.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  }
  return fields;
}

/**
 * graphql-jit gives a resolver's GraphQLError its `locations` but not the `nodes` they come
 * from, and Yoga rebuilds every error from its nodes, so the locations were lost. This finds
 * the nodes again from the error's path, so both executors answer alike.
 */
export function withLocations(
  error: GraphQLError,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): GraphQLError {
  if (error.nodes !== undefined || error.path === undefined) return error;
  const nodes = fieldNodesAt(document, operation, error.path);
  if (nodes.length === 0) return error;
  return new GraphQLError(error.message, {
    nodes,
    path: error.path,
    originalError: error.originalError ?? error,
    extensions: error.extensions,
  });
}
