"use client";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { getAddress, zeroAddress, type Address } from "viem";
import { useConfig, useReadContract } from "wagmi";
import { readContract } from "wagmi/actions";
import { artistRegistryAbi, ledgerAbi } from "@notalabel/contracts";
import { Alert, Button, Card, Field } from "@/components/ui";
import { WalletGate } from "@/components/wallet/WalletGate";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useDebounced, useIndexer } from "@/components/wallet/hooks";
import {
  handleFormatError,
  localOnboardErrors,
  registryOnboardErrors,
  type OnboardErrors,
  type OnboardInput,
} from "@/lib/onboard";
import { fetchSplitsOf } from "@/lib/indexer";
import { errorMessage } from "@/lib/errors";
import { formatPpm, shortAddress } from "@/lib/format";

export function OnboardForm({ initialReferral }: { initialReferral: string }) {
  return (
    <WalletGate why="Registering signs one transaction from the wallet that will own your artist identity.">
      {({ account, deployment }) => (
        <Form
          account={account}
          registry={deployment.contracts.ArtistRegistry.address}
          splits={deployment.contracts.Ledger.address}
          initialReferral={initialReferral}
        />
      )}
    </WalletGate>
  );
}

function Form({
  account,
  registry,
  splits,
  initialReferral,
}: {
  account: Address;
  registry: Address;
  splits: Address;
  initialReferral: string;
}) {
  const wagmi = useConfig();
  const tx = useTx();
  const [input, setInput] = useState<OnboardInput>({
    handle: "",
    profileURI: "",
    payout: "",
    referralCode: initialReferral,
  });
  const [payoutMode, setPayoutMode] = useState<"self" | "split">("self");
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<keyof OnboardInput, boolean>>>({});
  const [registryErrors, setRegistryErrors] = useState<OnboardErrors>({});
  const [checking, setChecking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // The handle as typed stays in the field; the registry takes it in lowercase, which the hint shows.
  const [typedHandle, setTypedHandle] = useState("");

  const effective: OnboardInput = { ...input, payout: payoutMode === "split" ? input.payout : "" };
  const local = localOnboardErrors(effective);
  if (payoutMode === "split" && effective.payout.trim() === "")
    local.payout = "Enter the split's address, or choose your own address.";

  // Live registry reads (debounced) so problems show while typing, not after sending.
  const dHandle = useDebounced(input.handle);
  const dCode = useDebounced(input.referralCode);
  const registered = useReadContract({
    address: registry,
    abi: artistRegistryAbi,
    functionName: "isRegistered",
    args: [account],
  });
  const handleOwner = useReadContract({
    address: registry,
    abi: artistRegistryAbi,
    functionName: "artistByHandle",
    args: [dHandle],
    query: { enabled: handleFormatError(dHandle) === null },
  });
  const referrer = useReadContract({
    address: registry,
    abi: artistRegistryAbi,
    functionName: "artistByHandle",
    args: [dCode],
    query: { enabled: dCode !== "" && handleFormatError(dCode) === null },
  });
  const mySplits = useIndexer(["splitsOf", account], (base) => fetchSplitsOf(base, account));

  const live: OnboardErrors = {};
  if (handleOwner.data && handleOwner.data !== zeroAddress && dHandle === input.handle)
    live.handle = `The handle "${input.handle}" is already taken. Pick another one.`;
  if (referrer.isSuccess && dCode === input.referralCode && input.referralCode !== "") {
    if (referrer.data === zeroAddress)
      live.referralCode = `No artist has the referral code "${input.referralCode}". Check the link, or leave it empty.`;
    else if (referrer.data.toLowerCase() === account.toLowerCase()) live.referralCode = "You cannot refer yourself.";
  }

  const show = (k: keyof OnboardInput) => submitted || touched[k];
  const errorFor = (k: keyof OnboardInput) => (show(k) ? local[k] : undefined) ?? live[k] ?? registryErrors[k];
  const handleAvailable =
    handleFormatError(input.handle) === null && dHandle === input.handle && handleOwner.data === zeroAddress;
  const referrerKnown =
    input.referralCode !== "" && dCode === input.referralCode && referrer.data && referrer.data !== zeroAddress;

  const set = (k: keyof OnboardInput) => (v: string) => {
    setInput((s) => ({ ...s, [k]: k === "handle" || k === "referralCode" ? v.toLowerCase() : v }));
    setRegistryErrors((e) => ({ ...e, [k]: undefined, form: undefined }));
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(local).length) return;
    setChecking(true);
    try {
      // Read the registry now, so "taken" or "unknown code" are explained before the wallet opens.
      const payout = effective.payout.trim() ? getAddress(effective.payout.trim()) : zeroAddress;
      const [isReg, owner, ref, state] = await Promise.all([
        readContract(wagmi, {
          address: registry,
          abi: artistRegistryAbi,
          functionName: "isRegistered",
          args: [account],
        }),
        readContract(wagmi, {
          address: registry,
          abi: artistRegistryAbi,
          functionName: "artistByHandle",
          args: [input.handle],
        }),
        input.referralCode
          ? readContract(wagmi, {
              address: registry,
              abi: artistRegistryAbi,
              functionName: "artistByHandle",
              args: [input.referralCode],
            })
          : Promise.resolve(zeroAddress),
        payout !== zeroAddress
          ? readContract(wagmi, { address: splits, abi: ledgerAbi, functionName: "splitState", args: [payout] })
          : Promise.resolve(null),
      ]);
      const found = registryOnboardErrors(
        effective,
        {
          accountRegistered: isReg,
          handleOwner: owner === zeroAddress ? null : owner,
          referrer: ref === zeroAddress ? null : ref,
          payoutIsSplit: state ? BigInt(state.configHash) !== 0n : undefined,
        },
        account,
      );
      setRegistryErrors(found);
      if (Object.keys(found).length) return;
      setChecking(false);
      const receipt = await tx.send("Registration", {
        address: registry,
        abi: artistRegistryAbi,
        functionName: "register",
        args: [input.handle, input.profileURI.trim(), payout, input.referralCode],
      });
      if (receipt) setDone(input.handle);
    } catch (err) {
      setRegistryErrors({ form: errorMessage(err) });
    } finally {
      setChecking(false);
    }
  }

  if (done) {
    return (
      <Card title="Welcome aboard">
        <div className="stack">
          <TxStatus state={tx.state} />
          <p>
            You are registered as <strong>@{done}</strong>.
          </p>
          <div className="row">
            <Link className="btn btn-primary" href={`/artists/${done}`}>
              See your page
            </Link>
            <Link className="btn btn-secondary" href="/referrals">
              Get your referral link
            </Link>
            <Link className="btn btn-secondary" href="/splits/new">
              Create a split
            </Link>
          </div>
        </div>
      </Card>
    );
  }

  if (registered.data === true) {
    return (
      <Alert tone="info" title="This wallet is already registered">
        Each wallet holds one artist identity. See <Link href="/referrals">your referral link</Link> or{" "}
        <Link href="/earnings">your earnings</Link>.
      </Alert>
    );
  }

  const splitOptions = mySplits.data?.splits.items ?? [];
  return (
    <form
      className="grid-2"
      onSubmit={onSubmit}
      noValidate
      aria-describedby={registryErrors.form ? "form-error" : undefined}
    >
      <Card title="Your artist identity">
        <div className="stack">
          <Field
            id="handle"
            label="Handle"
            required
            error={errorFor("handle")}
            hint={
              <>
                {typedHandle !== input.handle ? (
                  <strong data-testid="handle-preview">
                    You will be registered as @{input.handle} (handles are lowercase).{" "}
                  </strong>
                ) : null}
                {handleAvailable
                  ? "✓ Available. Lowercase a-z, 0-9 and '-', 3 to 32 characters."
                  : "Lowercase a-z, 0-9 and '-', 3 to 32 characters. It cannot be changed later."}
              </>
            }
          >
            {(a) => (
              <input
                {...a}
                className="input"
                name="handle"
                autoComplete="off"
                spellCheck={false}
                maxLength={32}
                value={typedHandle}
                onChange={(e) => {
                  setTypedHandle(e.target.value);
                  set("handle")(e.target.value);
                }}
                onBlur={() => setTouched((t) => ({ ...t, handle: true }))}
              />
            )}
          </Field>
          <Field
            id="profileURI"
            label="Profile link"
            optional
            error={errorFor("profileURI")}
            hint="An https://, ipfs:// or ar:// link to your profile (JSON or page). You can change it later."
          >
            {(a) => (
              <input
                {...a}
                className="input"
                name="profileURI"
                inputMode="url"
                placeholder="ipfs://…"
                value={input.profileURI}
                onChange={(e) => set("profileURI")(e.target.value)}
                onBlur={() => setTouched((t) => ({ ...t, profileURI: true }))}
              />
            )}
          </Field>
          <Field
            id="referralCode"
            label="Referral code"
            optional
            error={errorFor("referralCode")}
            hint={
              referrerKnown
                ? `✓ Referred by @${input.referralCode} (${shortAddress(referrer.data!)}). This is set once and never changes.`
                : "The handle of the artist who invited you. It is set once and never changes."
            }
          >
            {(a) => (
              <input
                {...a}
                className="input"
                name="referralCode"
                autoComplete="off"
                spellCheck={false}
                value={input.referralCode}
                onChange={(e) => set("referralCode")(e.target.value)}
                onBlur={() => setTouched((t) => ({ ...t, referralCode: true }))}
              />
            )}
          </Field>
        </div>
      </Card>
      <Card title="Where your income goes">
        <div className="stack">
          <fieldset>
            <legend>Payout</legend>
            <div className="radio-cards">
              <label className="radio-card">
                <input
                  type="radio"
                  name="payoutMode"
                  checked={payoutMode === "self"}
                  onChange={() => setPayoutMode("self")}
                />
                <span>
                  <strong>My own address</strong>
                  <br />
                  <span className="muted small">{shortAddress(account)}</span>
                </span>
              </label>
              <label className="radio-card">
                <input
                  type="radio"
                  name="payoutMode"
                  checked={payoutMode === "split"}
                  onChange={() => setPayoutMode("split")}
                />
                <span>
                  <strong>An existing split</strong>
                  <br />
                  <span className="muted small">Share every payment with collaborators</span>
                </span>
              </label>
            </div>
          </fieldset>
          {payoutMode === "split" ? (
            <>
              <Field
                id="payout"
                label="Split address"
                error={errorFor("payout")}
                hint={
                  <>
                    No split yet? <Link href="/splits/new">Create one</Link>, then come back.
                  </>
                }
              >
                {(a) => (
                  <input
                    {...a}
                    className="input mono"
                    name="payout"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="0x…"
                    value={input.payout}
                    onChange={(e) => set("payout")(e.target.value)}
                    onBlur={() => setTouched((t) => ({ ...t, payout: true }))}
                  />
                )}
              </Field>
              {splitOptions.length ? (
                <div className="stack" style={{ gap: 6 }}>
                  <span className="small muted">Your splits:</span>
                  <div className="row">
                    {splitOptions.map((s) => (
                      <Button
                        key={s.id}
                        size="sm"
                        variant="secondary"
                        onClick={() => set("payout")(getAddress(s.id))}
                        aria-label={`Use split ${s.id}`}
                      >
                        {shortAddress(s.id)} · {s.recipients.length} recipients · {formatPpm(s.allocations[0] ?? 0)}…
                      </Button>
                    ))}
                  </div>
                </div>
              ) : null}
            </>
          ) : null}
          {registryErrors.form ? (
            <div id="form-error">
              <Alert tone="error" title="Cannot register">
                {registryErrors.form}
              </Alert>
            </div>
          ) : null}
          <TxStatus state={tx.state} onDismiss={tx.reset} />
          <Button type="submit" loading={checking || tx.busy}>
            Register as artist
          </Button>
        </div>
      </Card>
    </form>
  );
}
