"use client";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { addToast, clearGroup, onPage, type ToastInput, type ToastItem } from "./toastList";

type ToastApi = {
  /** Shows a toast; one with a `group` replaces the group's earlier toast (see toastList.ts). */
  show: (t: ToastInput) => void;
  /** Removes the toasts of a group (its action started again). */
  clear: (group: string) => void;
};

const ToastContext = createContext<ToastApi>({ show: () => {}, clear: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

/**
 * Toasts in a live region: short confirmations that disappear after a few seconds, replaced by the next
 * toast of the same action, and cleared when the visitor goes to another page.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const pathname = usePathname() ?? "";
  const path = useRef(pathname);
  const [items, setItems] = useState<ToastItem[]>([]);
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  useEffect(() => {
    path.current = pathname;
    setItems((xs) => onPage(xs, pathname));
  }, [pathname]);
  const show = useCallback(
    (t: ToastInput) => {
      const id = Date.now() + Math.random();
      setItems((xs) => addToast(xs, t, id, path.current));
      setTimeout(() => dismiss(id), t.tone === "error" ? 10_000 : 5_000);
    },
    [dismiss],
  );
  const clear = useCallback((group: string) => setItems((xs) => clearGroup(xs, group)), []);
  const api = useMemo(() => ({ show, clear }), [show, clear]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" aria-relevant="additions">
        {items.map((t) => (
          <div key={t.id} className={`alert alert-${t.tone} toast`} data-testid="toast">
            <div>
              <p className="alert-title">{t.title}</p>
              {t.body ? <p>{t.body}</p> : null}
            </div>
            <button type="button" className="copy-btn" onClick={() => dismiss(t.id)} aria-label="Dismiss notification">
              ✕
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
