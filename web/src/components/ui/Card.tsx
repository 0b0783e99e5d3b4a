import type { ReactNode } from "react";

export function Card({
  title,
  description,
  actions,
  children,
  headingLevel = 2,
  id,
  className,
}: {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  headingLevel?: 2 | 3;
  id?: string;
  className?: string;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      className={["card", className].filter(Boolean).join(" ")}
      aria-labelledby={title ? headingId : undefined}
      id={id}
    >
      {title || actions ? (
        <div className="card-head">
          <div>
            {title ? <H id={headingId}>{title}</H> : null}
            {description ? <p className="card-desc">{description}</p> : null}
          </div>
          {actions ? <div className="row">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
