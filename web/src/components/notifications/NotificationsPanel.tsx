"use client";
/**
 * Email notifications on the artist's earnings page: an address and the kinds to hear of (sales, referral
 * credits, milestones), saved with the signed-in session (POST /api/notifications/subscribe); the state
 * (waiting for confirmation, confirmed, unsubscribed) comes from GET /api/notifications.
 */
import { useEffect, useId, useState, type FormEvent } from "react";
import { useAccount } from "wagmi";
import { Alert, Badge, Button, Card, Field } from "@/components/ui";
import { SignInButton, useSession } from "@/components/wallet/session";

type Kinds = { sales: boolean; referrals: boolean; milestones: boolean };
type Subscription = Kinds & { email: string; status: "pending" | "confirmed" | "unsubscribed" };

const KINDS: { key: keyof Kinds; label: string }[] = [
  { key: "sales", label: "Sales: each payment that reaches you" },
  { key: "referrals", label: "Referrals: each credit from an artist you brought" },
  { key: "milestones", label: "Milestones: each one you reach" },
];

const STATE: Record<Subscription["status"], { tone: "success" | "warning" | "neutral"; label: string }> = {
  confirmed: { tone: "success", label: "On" },
  pending: { tone: "warning", label: "Waiting for your confirmation" },
  unsubscribed: { tone: "neutral", label: "Off" },
};

async function sentence(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === "string" ? body.error : `The server answered ${res.status}. Try again.`;
}

export function NotificationsPanel() {
  const { isConnected } = useAccount();
  const { signedIn, address } = useSession();
  if (!isConnected) return null;
  return (
    <Card
      title="Email notifications"
      description="Hear of your sales, referral credits and milestones by email. Each message links to the transaction that proves it and has a one-click unsubscribe link."
    >
      {signedIn ? (
        <Settings key={address ?? ""} />
      ) : (
        <Alert tone="info" action={<SignInButton size="md" />}>
          Sign in with your wallet to choose email notifications.
        </Alert>
      )}
    </Card>
  );
}

function Settings() {
  const id = useId();
  const [current, setCurrent] = useState<Subscription | null | undefined>(undefined);
  const [email, setEmail] = useState("");
  const [kinds, setKinds] = useState<Kinds>({ sales: true, referrals: true, milestones: true });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  function show(s: Subscription | null) {
    setCurrent(s);
    if (s) {
      setEmail(s.email);
      setKinds({ sales: s.sales, referrals: s.referrals, milestones: s.milestones });
    }
  }

  useEffect(() => {
    let live = true;
    fetch("/api/notifications", { cache: "no-store" })
      .then(async (res) => {
        if (!res.ok) throw new Error(await sentence(res));
        return (await res.json()) as { subscription: Subscription | null };
      })
      .then((b) => live && show(b.subscription))
      .catch((e: Error) => {
        if (!live) return;
        setCurrent(null);
        setProblem(`Your notification settings could not be loaded: ${e.message}`);
      });
    return () => {
      live = false;
    };
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setSent(false);
    setBusy(true);
    try {
      const res = await fetch("/api/notifications/subscribe", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: email.trim(), ...kinds }),
      });
      if (!res.ok) throw new Error(await sentence(res));
      const body = (await res.json()) as { subscription: Subscription; confirmationSent: boolean };
      show(body.subscription);
      setSent(body.confirmationSent);
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (current === undefined) return <p className="muted">Loading your notification settings…</p>;
  const state = current ? STATE[current.status] : null;
  return (
    <form className="stack" onSubmit={save} aria-describedby={`${id}-state`}>
      <p id={`${id}-state`}>
        {state && current ? (
          <>
            <Badge tone={state.tone}>{state.label}</Badge>{" "}
            {current.status === "confirmed"
              ? `Emails go to ${current.email}.`
              : current.status === "pending"
                ? `We sent a confirmation link to ${current.email}. Open it to start the emails.`
                : "You unsubscribed. Save to subscribe again (we will ask you to confirm)."}
          </>
        ) : (
          "No email notifications yet."
        )}
      </p>
      <Field id={`${id}-email`} label="Email address" required>
        {(a) => (
          <input
            {...a}
            className="input"
            type="email"
            autoComplete="email"
            maxLength={254}
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="stack" disabled={busy}>
        <legend className="field-label">Tell me about</legend>
        {KINDS.map((k) => (
          <label key={k.key} className="checkbox">
            <input
              type="checkbox"
              checked={kinds[k.key]}
              onChange={(e) => setKinds((v) => ({ ...v, [k.key]: e.target.checked }))}
            />
            <span>{k.label}</span>
          </label>
        ))}
      </fieldset>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {sent ? <Alert tone="success">Check your inbox: the confirmation link works for 48 hours.</Alert> : null}
      <div className="row">
        <Button type="submit" loading={busy}>
          Save notification settings
        </Button>
      </div>
    </form>
  );
}
