import type { ReactNode } from "react";

/** A titled part of a page; its heading labels the region for landmark navigation. */
export function Section({ id, title, children, intro }: { id: string; title: string; children: ReactNode; intro?: ReactNode }) {
  return (
    <section className="section" aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro ? <p className="intro">{intro}</p> : null}
      {children}
    </section>
  );
}
