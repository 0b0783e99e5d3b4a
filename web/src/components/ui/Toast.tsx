"use client";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import type { AlertTone } from "./Alert";

type ToastItem = { id: number; tone: AlertTone; title: string; body?: string };
type ToastApi = { show: (t: Omit<ToastItem, "id">) => void };

const ToastContext = createContext<ToastApi>({ show: () => {} });

export function useToast(): ToastApi {
  return useContext(ToastContext);
}

/** Toasts in a live region: short confirmations that disappear after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const dismiss = useCallback((id: number) => setItems((xs) => xs.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (t: Omit<ToastItem, "id">) => {
      const id = Date.now() + Math.random();
      setItems((xs) => [...xs.slice(-2), { ...t, id }]);
      setTimeout(() => dismiss(id), t.tone === "error" ? 10_000 : 5_000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" aria-live="polite" aria-relevant="additions">
        {items.map((t) => (
          <div key={t.id} className={`alert alert-${t.tone} toast`}>
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
