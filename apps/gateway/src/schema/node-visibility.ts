import type { GatewayContext } from "../context.js";

type Visibility<Row> = (row: Row, context: GatewayContext) => boolean | Promise<boolean>;

const byType = new Map<string, Visibility<unknown>>();

/**
 * Declares who may see a node type, once: the same function is the type's `authScopes` and
 * the check `node(id:)` makes before answering anything, `__typename` included. Without it
 * `node(id: "...") { __typename }` would tell a viewer which ids of hidden objects exist.
 */
export function visibleTo<Row>(typename: string, visibility: Visibility<Row>): Visibility<Row> {
  byType.set(typename, visibility as Visibility<unknown>);
  return visibility;
}

/** False for a type that never declared its visibility: a node is hidden unless shown. */
export async function mayViewNode(typename: string, row: unknown, context: GatewayContext): Promise<boolean> {
  const visibility = byType.get(typename);
  return visibility ? visibility(row, context) : false;
}
