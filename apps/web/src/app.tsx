import { useMemo, useState } from "react";
import { Provider, useQuery } from "urql";
import { QueryError } from "./components/error-panel.js";
import { Layout } from "./components/layout.js";
import { ViewerDocument, type ViewerQuery } from "./graphql/graphql.js";
import { createClient } from "./lib/client.js";
import { navigate, useLocation } from "./lib/router.js";
import { clearToken, readToken, saveToken } from "./lib/session.js";
import { BenchmarkPage } from "./pages/benchmark-page.js";
import { BoroughPage } from "./pages/borough-page.js";
import { CapacityPage } from "./pages/capacity-page.js";
import { FunderPage } from "./pages/funder-page.js";
import { KnowledgePage } from "./pages/knowledge-page.js";
import { SignInPage } from "./pages/sign-in-page.js";

export type SignedInViewer = ViewerQuery["viewer"] & { region: string; role: NonNullable<ViewerQuery["viewer"]["role"]> };

/** Where each role starts; every page is reachable by URL and the gateway decides what it shows. */
export function homeFor(role: string): string {
  if (role === "FUNDER") return "/funder";
  if (role === "AUTHORITY") return "/borough";
  return "/capacity";
}

export function App() {
  const [token, setToken] = useState(readToken);
  const client = useMemo(() => createClient(token), [token]);
  const signIn = (next: string) => {
    saveToken(next);
    setToken(next);
  };
  const signOut = () => {
    clearToken();
    setToken(null);
    navigate("/");
  };
  return (
    <Provider value={client}>
      {token ? <SignedIn key={token} onSignOut={signOut} /> : <SignInPage onToken={signIn} />}
    </Provider>
  );
}

function SignedIn({ onSignOut }: { onSignOut: () => void }) {
  const location = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: ViewerDocument });
  const viewer = data?.viewer;
  if (fetching && !viewer) return <p className="loading">Checking your sign-in...</p>;
  if (error || !viewer?.signedIn || !viewer.role || !viewer.region) {
    return (
      <main className="page narrow" id="content">
        <h1>Sign-in failed</h1>
        <QueryError error={error} />
        {!error ? <p role="alert">The gateway did not accept this token.</p> : null}
        <button type="button" onClick={onSignOut}>
          Sign in again
        </button>
      </main>
    );
  }
  const signedIn = viewer as SignedInViewer;
  const path = location.path === "/" ? homeFor(signedIn.role) : location.path;
  if (location.path === "/") navigate(path, { replace: true });
  return (
    <Layout viewer={signedIn} path={path} onSignOut={onSignOut}>
      {path === "/funder" ? (
        <FunderPage viewer={signedIn} params={location.params} />
      ) : path === "/borough" ? (
        <BoroughPage viewer={signedIn} params={location.params} />
      ) : path === "/capacity" ? (
        <CapacityPage viewer={signedIn} params={location.params} />
      ) : path === "/benchmarks" ? (
        <BenchmarkPage viewer={signedIn} params={location.params} />
      ) : path === "/knowledge" ? (
        <KnowledgePage viewer={signedIn} params={location.params} />
      ) : (
        <>
          <h1>Page not found</h1>
          <p>
            There is no page at <code>{path}</code>.
          </p>
        </>
      )}
    </Layout>
  );
}
