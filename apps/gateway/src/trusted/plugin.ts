import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";
import { parseWithLimits } from "../limits/index.js";
import { canonicalDocument, type Manifest, operationId } from "./manifest.js";

/** Texts already looked up, so a busy client's operation is parsed for this once. */
const maxRemembered = 500;

/**
 * Trusted documents: only the operations in the manifest run. A client names one by id
 * (`extensions.persistedQuery.sha256Hash`, or `documentId`), or sends its text, which is
 * accepted when its canonical form is in the manifest (the dashboard sends text; urql adds
 * `__typename`, which the canonical form drops). Anything else is refused before parsing
 * for execution, validation or any resolver: PERSISTED_QUERY_ONLY, PERSISTED_QUERY_NOT_IN_LIST.
 */
export function trustedDocuments(manifest: Manifest): Plugin {
  const known = new Map<string, boolean>();
  const trusted = new WeakSet<Request>();
  const isKnownText = (text: string): boolean => {
    let answer = known.get(text);
    if (answer === undefined) {
      try {
        answer = operationId(canonicalDocument(parseWithLimits(text))) in manifest.operations;
      } catch {
        answer = false;
      }
      if (known.size >= maxRemembered) known.delete(known.keys().next().value as string);
      known.set(text, answer);
    }
    return answer;
  };
  const recognise: Plugin = {
    onParams({ params, request }) {
      if (typeof params.query === "string" && isKnownText(params.query)) trusted.add(request);
    },
  };
  const persisted = usePersistedOperations({
    getPersistedOperation: (id) => manifest.operations[id]?.document ?? null,
    extractPersistedOperationId: (params) => {
      const extensions = params.extensions as { persistedQuery?: { version?: number; sha256Hash?: unknown } } | undefined;
      const hash = extensions?.persistedQuery?.version === 1 ? extensions.persistedQuery.sha256Hash : undefined;
      const documentId = (params as { documentId?: unknown }).documentId;
      const id = typeof hash === "string" ? hash : typeof documentId === "string" ? documentId : null;
      return id !== null && /^[0-9a-f]{64}$/.test(id) ? id : null;
    },
    allowArbitraryOperations: (request) => trusted.has(request),
    customErrors: {
      notFound: { message: "This operation is not in the gateway's list of trusted operations", extensions: { code: "PERSISTED_QUERY_NOT_IN_LIST", http: { status: 400 } } },
      keyNotFound: { message: "Send a trusted operation's id (extensions.persistedQuery.sha256Hash)", extensions: { code: "PERSISTED_QUERY_ID_REQUIRED", http: { status: 400 } } },
      persistedQueryOnly: {
        message: "Only trusted operations run here: send the id or the exact text of an operation in the manifest",
        extensions: { code: "PERSISTED_QUERY_ONLY", http: { status: 400 } },
      },
    },
  }) as Plugin;
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(recognise);
      addPlugin(persisted);
    },
  };
}

/** Required in production unless ALLOW_ARBITRARY_OPERATIONS=1 (e.g. for a partner's own queries). */
export const trustedDocumentsRequired = (env: NodeJS.ProcessEnv): boolean =>
  env.NODE_ENV === "production" && env.ALLOW_ARBITRARY_OPERATIONS !== "1";
