import type { ReactNode } from "react";

export type AlertTone = "info" | "success" | "warning" | "error";

/** A message box. Errors are announced at once (role=alert), the rest politely (role=status). */
export function Alert({
  tone = "info",
  title,
  children,
  action,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children ? <div>{children}</div> : null}
      {action ? (
        <div className="row" style={{ marginTop: 6 }}>
          {action}
        </div>
      ) : null}
    </div>
  );
}
