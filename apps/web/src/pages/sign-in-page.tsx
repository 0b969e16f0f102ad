import { type FormEvent, useEffect, useState } from "react";
import { ErrorPanel, type GatewayProblem } from "../components/error-panel.js";
import { label, roleLabels } from "../lib/labels.js";

interface Choices {
  readonly roles: readonly string[];
  readonly regions: readonly {
    readonly code: string;
    readonly name: string;
    readonly authorities: readonly { code: string; name: string }[];
    readonly funders: readonly { code: string; name: string }[];
  }[];
}

type Mode = { kind: "loading" } | { kind: "development"; choices: Choices } | { kind: "production" };

/**
 * Outside production the server lists roles, regions, authorities and funders and signs a
 * token with its development secret. In production (those routes answer 404) a person pastes
 * a bearer token from the operator's identity provider.
 */
export function SignInPage({ onToken }: { onToken: (token: string) => void }) {
  const [mode, setMode] = useState<Mode>({ kind: "loading" });
  useEffect(() => {
    let live = true;
    fetch("/auth/options")
      .then(async (response) => (response.ok ? ((await response.json()) as Choices) : null))
      .catch(() => null)
      .then((choices) => {
        if (live) setMode(choices ? { kind: "development", choices } : { kind: "production" });
      });
    return () => {
      live = false;
    };
  }, []);
  return (
    <main className="page narrow" id="content">
      <h1>Sign in to Adviser Hub</h1>
      {mode.kind === "loading" ? <p className="loading">Loading...</p> : null}
      {mode.kind === "development" ? <DevelopmentSignIn choices={mode.choices} onToken={onToken} /> : null}
      {mode.kind === "production" ? <TokenSignIn onToken={onToken} /> : null}
    </main>
  );
}

function DevelopmentSignIn({ choices, onToken }: { choices: Choices; onToken: (token: string) => void }) {
  const [role, setRole] = useState("FUNDER");
  const [region, setRegion] = useState(choices.regions[0]?.code ?? "");
  const current = choices.regions.find((r) => r.code === region);
  const [authority, setAuthority] = useState(current?.authorities[0]?.code ?? "");
  const [funder, setFunder] = useState(current?.funders[0]?.code ?? "");
  const [problems, setProblems] = useState<GatewayProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const chooseRegion = (code: string) => {
    setRegion(code);
    const next = choices.regions.find((r) => r.code === code);
    setAuthority(next?.authorities[0]?.code ?? "");
    setFunder(next?.funders[0]?.code ?? "");
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems([]);
    try {
      const response = await fetch("/auth/dev-token", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ role, region, authority: role === "AUTHORITY" ? authority : null, funder: role === "FUNDER" ? funder : null }),
      });
      const body = (await response.json()) as { token?: string; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
      if (body.token) onToken(body.token);
      else setProblems((body.errors ?? [{ message: `Sign-in failed (${response.status})` }]).map((e) => ({ message: e.message, code: e.extensions?.code, field: e.extensions?.field })));
    } catch (error) {
      setProblems([{ message: `Could not reach the server: ${(error as Error).message}` }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="form" aria-describedby="dev-note">
      <p id="dev-note" className="note">
        Development sign-in: the server signs a token with its development secret. In production this page asks for a token from
        your identity provider instead.
      </p>
      <ErrorPanel problems={problems} title="Could not sign in" />
      <label htmlFor="role">Role</label>
      <select id="role" value={role} onChange={(e) => setRole(e.target.value)}>
        {choices.roles.map((r) => (
          <option key={r} value={r}>
            {label(roleLabels, r)}
          </option>
        ))}
      </select>
      <label htmlFor="region">Region</label>
      <select id="region" value={region} onChange={(e) => chooseRegion(e.target.value)}>
        {choices.regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
      {role === "AUTHORITY" ? (
        <>
          <label htmlFor="authority">Authority</label>
          <select id="authority" value={authority} onChange={(e) => setAuthority(e.target.value)}>
            {current?.authorities.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name} ({a.code})
              </option>
            ))}
          </select>
        </>
      ) : null}
      {role === "FUNDER" ? (
        <>
          <label htmlFor="funder">Funder</label>
          <select id="funder" value={funder} onChange={(e) => setFunder(e.target.value)}>
            {current?.funders.map((f) => (
              <option key={f.code} value={f.code}>
                {f.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="submit" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

function TokenSignIn({ onToken }: { onToken: (token: string) => void }) {
  const [token, setToken] = useState("");
  const [problem, setProblem] = useState<GatewayProblem[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim().replace(/^Bearer\s+/i, "");
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(trimmed)) {
      setProblem([{ message: "That does not look like a bearer token (three dot-separated parts)", field: "token" }]);
      return;
    }
    onToken(trimmed);
  };
  return (
    <form onSubmit={submit} className="form">
      <p className="note">Paste the bearer token your organisation's identity provider issued for Adviser Hub.</p>
      <ErrorPanel problems={problem} title="Could not sign in" />
      <label htmlFor="token">Bearer token</label>
      <textarea id="token" rows={5} value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} />
      <button type="submit">Sign in</button>
    </form>
  );
}
