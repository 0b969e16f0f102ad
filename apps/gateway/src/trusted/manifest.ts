import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  visit,
} from "graphql";
import { exportReports } from "../http/export-reports.js";

/** One trusted operation: the document the gateway runs for its id. */
export interface TrustedOperation {
  readonly name: string;
  /** Where it is written, relative to the repository root. */
  readonly source: string;
  readonly document: string;
}

export interface Manifest {
  readonly version: 1;
  readonly operations: Readonly<Record<string, TrustedOperation>>;
}

const gatewayRoot = fileURLToPath(new URL("../../", import.meta.url));
const repositoryRoot = join(gatewayRoot, "../..");
export const manifestPath = join(gatewayRoot, "trusted-operations.json");

/** The folders whose .graphql files are the front ends' operations. */
const operationFolders = [join(gatewayRoot, "operations"), join(repositoryRoot, "apps/web/src/operations")];

/**
 * The form an operation is known by: unaliased `__typename` selections dropped (clients such
 * as urql add them to every selection set, and they cost nothing), definitions in a fixed
 * order (the operation, then its fragments by name), printed by graphql-js. Two texts with
 * the same canonical form run the same resolvers.
 */
export function canonicalDocument(document: DocumentNode): string {
  const stripped = visit(document, {
    Field(node) {
      const plain = !node.alias && node.name.value === "__typename" && !node.arguments?.length && !node.directives?.length;
      return plain ? null : undefined;
    },
  });
  const order = (definition: DefinitionNode): string =>
    definition.kind === Kind.OPERATION_DEFINITION ? `0${definition.name?.value ?? ""}` : `1${"name" in definition ? definition.name?.value : ""}`;
  const definitions = [...stripped.definitions].sort((a, b) => order(a).localeCompare(order(b)));
  return print({ ...stripped, definitions });
}

export const operationId = (canonical: string): string => createHash("sha256").update(canonical).digest("hex");

/** Each operation of a document with exactly the fragments it spreads, directly or not. */
export function operationsOf(document: DocumentNode): { name: string; document: DocumentNode }[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const spreadIn = (node: OperationDefinitionNode | FragmentDefinitionNode, into: Set<string>): void => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (into.has(name) || !fragment) return;
        into.add(name);
        spreadIn(fragment, into);
      },
    });
  };
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const used = new Set<string>();
      spreadIn(operation, used);
      const definitions = [operation, ...[...used].sort().map((name) => fragments.get(name) as FragmentDefinitionNode)];
      return { name: operation.name?.value ?? "anonymous", document: { kind: Kind.DOCUMENT, definitions } };
    });
}

/**
 * The trusted operations: every operation in apps/gateway/operations and the dashboard's
 * apps/web/src/operations, and the CSV exports' queries; `pnpm --filter @adviser-hub/gateway
 * operations:manifest` writes it to trusted-operations.json, and a test fails when it is stale.
 */
export function buildManifest(): Manifest {
  const sources: { source: string; text: string }[] = [];
  for (const folder of operationFolders) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".graphql")).sort()) {
      const path = join(folder, file);
      sources.push({ source: relative(repositoryRoot, path), text: readFileSync(path, "utf8") });
    }
  }
  for (const [name, report] of Object.entries(exportReports).sort(([a], [b]) => a.localeCompare(b))) {
    sources.push({ source: `apps/gateway/src/http/export-reports.ts#${name}`, text: report.query });
  }
  const operations: Record<string, TrustedOperation> = {};
  for (const { source, text } of sources) {
    for (const operation of operationsOf(parse(text))) {
      const document = canonicalDocument(operation.document);
      operations[operationId(document)] = { name: operation.name, source, document };
    }
  }
  const sorted = Object.fromEntries(Object.entries(operations).sort(([a], [b]) => a.localeCompare(b)));
  return { version: 1, operations: sorted };
}

export const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

/** The committed manifest, read once. */
export function readManifest(path: string = manifestPath): Manifest {
  return JSON.parse(readFileSync(path, "utf8")) as Manifest;
}
