import type { ReactNode } from "react";

export interface Stat {
  readonly label: string;
  readonly value: ReactNode;
  readonly detail?: ReactNode;
  /** A stable hook for tests and for people linking to a figure. */
  readonly id: string;
}

/** Headline figures as a description list: each label names its value for assistive technology. */
export function StatGrid({ stats, label }: { stats: readonly Stat[]; label: string }) {
  return (
    <dl className="stat-grid" aria-label={label}>
      {stats.map((stat) => (
        <div className="stat" key={stat.id} data-stat={stat.id}>
          <dt>{stat.label}</dt>
          <dd>
            <span className="stat-value">{stat.value}</span>
            {stat.detail ? <span className="stat-detail">{stat.detail}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
