import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <h3>{title}</h3>
      {children ? <p>{children}</p> : null}
      {action ? (
        <div className="row" style={{ justifyContent: "center" }}>
          {action}
        </div>
      ) : null}
    </div>
  );
}
