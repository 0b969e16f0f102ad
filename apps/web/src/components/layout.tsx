import { type MouseEvent, type ReactNode, useEffect, useRef } from "react";
import type { SignedInViewer } from "../app.js";
import { label, roleLabels } from "../lib/labels.js";
import { navigate } from "../lib/router.js";
import { ErrorBoundary } from "./error-boundary.js";

export function Link({ to, children, current }: { to: string; children: ReactNode; current?: boolean }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={follow} aria-current={current ? "page" : undefined}>
      {children}
    </a>
  );
}

// Links a role is likely to want; the other pages still open by URL and show what the gateway answers.
const pages = [
  { path: "/funder", title: "Funding report", roles: ["FUNDER", "REGION_ADMIN", "ADVISER", "AUTHORITY"] },
  { path: "/borough", title: "Borough", roles: ["AUTHORITY", "REGION_ADMIN", "ADVISER"] },
  { path: "/capacity", title: "Capacity", roles: ["REGION_ADMIN", "ADVISER"] },
  { path: "/benchmarks", title: "Benchmarks", roles: ["FUNDER", "REGION_ADMIN", "ADVISER", "AUTHORITY"] },
  { path: "/knowledge", title: "Knowledge hub", roles: ["REGION_ADMIN", "ADVISER", "AUTHORITY"] },
];

export function Layout({ viewer, path, onSignOut, children }: { viewer: SignedInViewer; path: string; onSignOut: () => void; children: ReactNode }) {
  const scope = viewer.authority ?? viewer.funder;
  const title = pages.find((page) => page.path === path)?.title ?? "Page not found";
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} · Adviser Hub`;
    // After a move within the app, put keyboard and screen-reader focus at the new page's start.
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [title]);
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="site-header">
        <div className="brand">Adviser Hub</div>
        <nav aria-label="Pages">
          <ul>
            {pages
              .filter((page) => page.roles.includes(viewer.role))
              .map((page) => (
                <li key={page.path}>
                  <Link to={page.path} current={page.path === path}>
                    {page.title}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className="who" data-viewer-role={viewer.role}>
          <span>
            {label(roleLabels, viewer.role)} · {viewer.region}
            {scope ? ` · ${scope}` : ""}
          </span>
          <button type="button" className="secondary" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="content" className="page" tabIndex={-1} ref={main}>
        <ErrorBoundary resetKey={path}>{children}</ErrorBoundary>
      </main>
    </>
  );
}
