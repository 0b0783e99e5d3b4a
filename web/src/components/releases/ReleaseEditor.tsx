"use client";
/**
 * Step 2: the release form. Every field is checked as it is typed (lib/releaseForm.ts) and explained
 * next to itself. Sending runs, in order: a simulation of createEdition (so the contract's objections
 * come before any upload), the media upload (cover, audio, metadata JSON), the allowlist (when there is
 * a presale), and the createEdition transaction; then the new drop's link.
 */
import Link from "next/link";
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { isAddressEqual, parseEventLogs, type Address, type Hex, type TransactionReceipt } from "viem";
import { useConfig } from "wagmi";
import { readContract, simulateContract } from "wagmi/actions";
import { buildAllowlist, dropCollectionAbi } from "@notalabel/contracts";
import { Alert, Amount, Button, ButtonLink, Card, CopyButton, Field } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { useAppConfig } from "@/components/wallet/AppConfigContext";
import { storeAllowlist } from "@/lib/allowlists";
import { dropPath } from "@/lib/editions";
import { errorMessage } from "@/lib/errors";
import { uploadRelease, type ReleaseCreated } from "@/lib/media/uploadRelease";
import { SignInButton, useSession } from "@/components/wallet/session";
import {
  emptyReleaseForm,
  metadataHashOf,
  parseReleaseForm,
  toDateTimeLocal,
  toEditionConfig,
  type ReleaseDraft,
  type ReleaseField,
  type ReleaseFormValues,
} from "@/lib/releaseForm";
import { tokensFor, type Token } from "@/lib/tokens";
import { AllowlistField } from "./AllowlistField";
import { CreditsEditor } from "./CreditsEditor";
import { FilePicker, checkPickedFile, type FileKind } from "./FilePicker";
import { useNowSeconds } from "./useNow";

/** Stands in for the metadata hash in the simulation before the upload (the contract does not read it). */
const PLACEHOLDER_HASH = `0x${"11".repeat(32)}` as Hex;

type Step = "check" | "upload" | "allowlist" | "tx";
type Progress = { step: Step | null; failed: { step: Step; message: string } | null };

type Created = { id: bigint | null; title: string; start: number; presale: boolean };

/** The new edition's id from the EditionCreated event of the receipt. */
function editionIdFrom(receipt: TransactionReceipt, collection: Address): bigint | null {
  const logs = parseEventLogs({ abi: dropCollectionAbi, eventName: "EditionCreated", logs: receipt.logs });
  return logs.find((l) => isAddressEqual(l.address, collection))?.args.id ?? null;
}

const UPLOAD_FIELDS: Record<string, ReleaseField> = {
  title: "title",
  description: "description",
  artistName: "artistName",
  isrc: "isrc",
  cover: "cover",
  audio: "audio",
};

export function ReleaseEditor({
  account,
  collection,
  artistName,
}: {
  account: Address;
  collection: Address;
  artistName: string;
}) {
  const uid = useId();
  const wagmi = useConfig();
  const { chain, chainId } = useAppConfig();
  const tokens = useMemo(() => tokensFor(chainId), [chainId]);
  const tx = useTx();
  const session = useSession();
  const now = useNowSeconds();
  const [values, setValues] = useState<ReleaseFormValues>(() => emptyReleaseForm(tokens[0]!.address, artistName));
  const [files, setFiles] = useState<Record<FileKind, File | null>>({ cover: null, audio: null });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<ReleaseField, string>>>({});
  const [progress, setProgress] = useState<Progress>({ step: null, failed: null });
  const [created, setCreated] = useState<Created | null>(null);
  const uploaded = useRef<{ signature: string; cover: File; audio: File; release: ReleaseCreated } | null>(null);
  const pickSeq = useRef<Record<FileKind, number>>({ cover: 0, audio: 0 });

  // A pasted list of thousands of addresses is parsed in the background, not on the keystroke.
  const deferred = useDeferredValue(values);
  const result = useMemo(() => parseReleaseForm(deferred, { tokens, now }), [deferred, tokens, now]);
  const { errors } = result;
  const token = tokens.find((t) => t.address.toLowerCase() === values.currency.toLowerCase()) ?? tokens[0]!;
  const busy = (progress.step !== null && progress.step !== "tx") || tx.busy;

  const seen = (key: string) => showAll || Boolean(touched[key]);
  const touch = (key: string) => setTouched((t) => (t[key] ? t : { ...t, [key]: true }));
  const err = (field: ReleaseField) => serverErrors[field] ?? (seen(field) ? errors[field] : undefined);
  function set<K extends keyof ReleaseFormValues>(key: K, value: ReleaseFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    if (key in serverErrors) setServerErrors((e) => ({ ...e, [key]: undefined }));
  }
  const text = (field: ReleaseField & keyof ReleaseFormValues) => ({
    value: values[field] as string,
    onChange: (e: { target: { value: string } }) => set(field, e.target.value as never),
    onBlur: () => touch(field),
  });

  async function pick(kind: FileKind, file: File | null) {
    const seq = ++pickSeq.current[kind];
    setFiles((f) => ({ ...f, [kind]: file }));
    touch(kind);
    set(kind, file ? { state: "checking", name: file.name } : { state: "empty" });
    const picked = await checkPickedFile(kind, file);
    if (pickSeq.current[kind] === seq) set(kind, picked);
  }

  function fail(step: Step, message: string) {
    setProgress({ step: null, failed: { step, message } });
  }

  /** Uploads once per content: a retry after a rejected transaction reuses the stored files. */
  async function upload(draft: ReleaseDraft, cover: File, audio: File): Promise<ReleaseCreated | null> {
    const signature = JSON.stringify(draft.fields);
    const cached = uploaded.current;
    if (cached && cached.signature === signature && cached.cover === cover && cached.audio === audio)
      return cached.release;
    const res = await uploadRelease({ cover, audio, ...draft.fields });
    if (!res.ok) {
      const field = res.field ? UPLOAD_FIELDS[res.field] : undefined;
      if (field) setServerErrors((e) => ({ ...e, [field]: res.error }));
      fail("upload", res.error);
      return null;
    }
    uploaded.current = { signature, cover, audio, release: res.release };
    return res.release;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setShowAll(true);
    tx.reset();
    // Checked again against the current time and the latest values (not the deferred ones).
    const { draft } = parseReleaseForm(values, { tokens, now: Math.floor(Date.now() / 1000) });
    const { cover, audio } = files;
    if (!draft || !cover || !audio) {
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    const localRoot = draft.presale ? (buildAllowlist(draft.presale.addresses).root.toLowerCase() as Hex) : null;

    setProgress({ step: "check", failed: null });
    try {
      await simulateContract(wagmi, {
        address: collection,
        abi: dropCollectionAbi,
        functionName: "createEdition",
        args: [toEditionConfig(draft, { metadataHash: PLACEHOLDER_HASH, presaleRoot: localRoot }), ""],
        account,
        chainId: chain.id,
      } as never);
    } catch (error) {
      fail("check", errorMessage(error, chain.name));
      return;
    }

    setProgress({ step: "upload", failed: null });
    const release = await upload(draft, cover, audio);
    if (!release) return;

    let presaleRoot: Hex | null = null;
    if (draft.presale) {
      setProgress({ step: "allowlist", failed: null });
      const stored = await storeAllowlist(draft.presale.addresses);
      if (!stored.ok) {
        setServerErrors((x) => ({ ...x, allowlist: stored.error }));
        fail("allowlist", stored.error);
        return;
      }
      if (stored.value.root.toLowerCase() !== localRoot) {
        fail("allowlist", "The server stored a different allowlist than this page built. Nothing was sent; try again.");
        return;
      }
      presaleRoot = stored.value.root;
    }

    setProgress({ step: "tx", failed: null });
    const config = toEditionConfig(draft, { metadataHash: metadataHashOf(release.id), presaleRoot });
    const receipt = await tx.send(`Create “${draft.fields.title}”`, {
      address: collection,
      abi: dropCollectionAbi,
      functionName: "createEdition",
      args: [config, ""],
    });
    if (!receipt) {
      setProgress({ step: null, failed: null });
      return;
    }
    let id = editionIdFrom(receipt, collection);
    if (id === null) {
      id = await readContract(wagmi, {
        address: collection,
        abi: dropCollectionAbi,
        functionName: "editionCount",
      }).catch(() => null);
    }
    setProgress({ step: null, failed: null });
    setCreated({ id, title: draft.fields.title, start: config.start, presale: draft.presale !== null });
  }

  function startOver() {
    setValues(emptyReleaseForm(tokens[0]!.address, artistName));
    setFiles({ cover: null, audio: null });
    setTouched({});
    setShowAll(false);
    setServerErrors({});
    setProgress({ step: null, failed: null });
    setCreated(null);
    tx.reset();
    uploaded.current = null;
  }

  if (created) return <CreatedCard created={created} collection={collection} onAnother={startOver} />;

  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const nowLocal = toDateTimeLocal(now);
  const fileError = (kind: FileKind) => (values[kind].state === "checking" ? undefined : err(kind));

  return (
    <form className="stack-lg" onSubmit={submit} noValidate aria-busy={busy || undefined}>
      <fieldset className="release-plain" disabled={busy}>
        <div className="stack-lg">
          <Card title="The release" description="What fans, wallets and marketplaces show. Stored with the release.">
            <div className="stack">
              <Field id={`${uid}-title`} label="Title" required error={err("title")}>
                {(a) => <input {...a} className="input" autoComplete="off" {...text("title")} />}
              </Field>
              <Field
                id={`${uid}-artist`}
                label="Artist name"
                optional
                error={err("artistName")}
                hint="As it should appear on the release."
              >
                {(a) => <input {...a} className="input" autoComplete="off" {...text("artistName")} />}
              </Field>
              <Field id={`${uid}-description`} label="Description" optional error={err("description")}>
                {(a) => <textarea {...a} className="input" rows={4} {...text("description")} />}
              </Field>
              <fieldset>
                <legend>Credits</legend>
                <CreditsEditor
                  idPrefix={`${uid}-credit`}
                  rows={values.credits}
                  errors={errors.credits}
                  listError={showAll ? errors.creditList : undefined}
                  seen={seen}
                  onChange={(rows) => set("credits", rows)}
                  onBlur={touch}
                />
              </fieldset>
              <Field
                id={`${uid}-isrc`}
                label="ISRC"
                optional
                error={err("isrc")}
                hint="The recording's International Standard Recording Code, like US-S1Z-99-00001."
              >
                {(a) => (
                  <input
                    {...a}
                    className="input mono"
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="US-S1Z-99-00001"
                    {...text("isrc")}
                  />
                )}
              </Field>
            </div>
          </Card>

          <Card title="Artwork and audio" description="Checked as soon as you pick them.">
            <div className="grid-2">
              <FilePicker
                id={`${uid}-cover`}
                kind="cover"
                label="Cover art"
                hint="A PNG, JPEG, WebP or GIF image, ideally square (at least 1000 × 1000 px)."
                file={files.cover}
                picked={values.cover}
                error={fileError("cover")}
                onPick={(f) => pick("cover", f)}
              />
              <FilePicker
                id={`${uid}-audio`}
                kind="audio"
                label="Audio preview"
                hint="An MP3, OGG, WAV, FLAC or M4A file that anyone can play on the drop page."
                file={files.audio}
                picked={values.audio}
                error={fileError("audio")}
                onPick={(f) => pick("audio", f)}
              />
            </div>
          </Card>

          <Card title="Sale" description={`Times are in your time zone (${tz}).`}>
            <div className="stack">
              <div className="grid-2">
                <Field
                  id={`${uid}-currency`}
                  label="Currency"
                  error={err("currency")}
                  hint="Fans pay in this currency; it cannot change after the first sale."
                >
                  {(a) => (
                    <select
                      {...a}
                      className="select"
                      value={values.currency}
                      onChange={(e) => set("currency", e.target.value)}
                    >
                      {tokens.map((t) => (
                        <option key={t.address} value={t.address}>
                          {t.symbol}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  id={`${uid}-price`}
                  label={`Price (${token.symbol})`}
                  required
                  error={err("price")}
                  hint="For one copy. 0 makes it free."
                >
                  {(a) => (
                    <Suffixed suffix={token.symbol}>
                      <input
                        {...a}
                        className="input"
                        inputMode="decimal"
                        autoComplete="off"
                        placeholder="0.01"
                        {...text("price")}
                      />
                    </Suffixed>
                  )}
                </Field>
              </div>
              <div className="grid-2">
                <div className="stack release-tight">
                  <Field
                    id={`${uid}-supply`}
                    label="Supply"
                    required={!values.openEdition}
                    error={values.openEdition ? undefined : err("supply")}
                    hint="How many copies can ever exist. You can lower it later, never raise it."
                  >
                    {(a) => (
                      <input
                        {...a}
                        className="input"
                        inputMode="numeric"
                        autoComplete="off"
                        placeholder={values.openEdition ? "No limit" : "100"}
                        disabled={values.openEdition}
                        {...text("supply")}
                      />
                    )}
                  </Field>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={values.openEdition}
                      onChange={(e) => set("openEdition", e.target.checked)}
                    />
                    <span>
                      Open edition <span className="muted small">(no supply limit)</span>
                    </span>
                  </label>
                </div>
                <Field
                  id={`${uid}-cap`}
                  label="Per-wallet limit"
                  optional
                  error={err("walletCap")}
                  hint="Most copies one wallet can buy in the public sale. Empty for no limit."
                >
                  {(a) => (
                    <input
                      {...a}
                      className="input"
                      inputMode="numeric"
                      autoComplete="off"
                      placeholder="No limit"
                      {...text("walletCap")}
                    />
                  )}
                </Field>
              </div>
              <div className="grid-2">
                <Field
                  id={`${uid}-start`}
                  label="Sale starts"
                  optional={!values.presale}
                  required={values.presale}
                  error={err("start")}
                  hint={
                    values.presale ? "The presale runs until this moment." : "Empty: as soon as the release is created."
                  }
                >
                  {(a) => <input {...a} type="datetime-local" className="input" min={nowLocal} {...text("start")} />}
                </Field>
                <Field
                  id={`${uid}-end`}
                  label="Sale ends"
                  optional
                  error={err("end")}
                  hint="Empty: the sale never ends."
                >
                  {(a) => (
                    <input
                      {...a}
                      type="datetime-local"
                      className="input"
                      min={values.start || nowLocal}
                      {...text("end")}
                    />
                  )}
                </Field>
              </div>
            </div>
          </Card>

          <Card
            title="Allowlist presale"
            description="Optional: let chosen wallets buy before everyone else, at their own price."
          >
            <div className="stack">
              <label className="checkbox">
                <input type="checkbox" checked={values.presale} onChange={(e) => set("presale", e.target.checked)} />
                <span>Run a presale for an allowlist</span>
              </label>
              {values.presale ? (
                <>
                  <AllowlistField
                    id={`${uid}-allowlist`}
                    value={values.allowlist}
                    parsed={result.allowlist}
                    error={err("allowlist")}
                    onChange={(v) => set("allowlist", v)}
                    onBlur={() => touch("allowlist")}
                  />
                  <div className="grid-2">
                    <Field
                      id={`${uid}-pprice`}
                      label={`Presale price (${token.symbol})`}
                      required
                      error={err("presalePrice")}
                      hint="For one copy. 0 makes it free for the list."
                    >
                      {(a) => (
                        <Suffixed suffix={token.symbol}>
                          <input
                            {...a}
                            className="input"
                            inputMode="decimal"
                            autoComplete="off"
                            {...text("presalePrice")}
                          />
                        </Suffixed>
                      )}
                    </Field>
                    <Field
                      id={`${uid}-pcap`}
                      label="Presale limit per wallet"
                      optional
                      error={err("presaleCap")}
                      hint="Most copies one listed wallet can buy in the presale. Empty for no limit."
                    >
                      {(a) => (
                        <input
                          {...a}
                          className="input"
                          inputMode="numeric"
                          autoComplete="off"
                          placeholder="No limit"
                          {...text("presaleCap")}
                        />
                      )}
                    </Field>
                  </div>
                  <Field
                    id={`${uid}-pstart`}
                    label="Presale starts"
                    optional
                    error={err("presaleStart")}
                    hint="Empty: as soon as the release is created. It ends when the public sale starts."
                  >
                    {(a) => (
                      <input
                        {...a}
                        type="datetime-local"
                        className="input"
                        min={nowLocal}
                        max={values.start || undefined}
                        {...text("presaleStart")}
                      />
                    )}
                  </Field>
                </>
              ) : null}
            </div>
          </Card>
        </div>
      </fieldset>

      <Card title="Review and create">
        <div className="stack">
          {result.draft ? (
            <Summary draft={result.draft} />
          ) : (
            <p className="muted">
              {showAll ? "Fix the fields marked above first." : "Fill in the form; a summary of the sale shows here."}
            </p>
          )}
          <ProgressList progress={progress} presale={values.presale} txFailed={tx.state.status === "failed"} />
          {progress.failed ? (
            <Alert tone="error" title="Nothing was created">
              {progress.failed.message}
            </Alert>
          ) : null}
          <TxStatus state={tx.state} onDismiss={tx.reset} />
          {session.signedIn ? null : (
            <Alert tone="info" title="Sign in to upload" action={<SignInButton size="md" />}>
              Uploading the cover, audio and allowlist needs a signed-in artist wallet: sign one message (no
              transaction, no fee).
            </Alert>
          )}
          <div className="row">
            <Button type="submit" loading={busy}>
              Create release
            </Button>
            <span className="muted small">
              Uploads the files, then one transaction from your wallet. Fans can buy once the sale opens.
            </span>
          </div>
        </div>
      </Card>
    </form>
  );
}

function Suffixed({ suffix, children }: { suffix: string; children: ReactNode }) {
  return (
    <div className="release-suffix-input">
      {children}
      <span aria-hidden="true">{suffix}</span>
    </div>
  );
}

const when = (seconds: number) =>
  new Date(seconds * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The sale in one glance, as it will be sent. */
function Summary({ draft }: { draft: ReleaseDraft }) {
  const t: Token = draft.token;
  const { sale, presale } = draft;
  return (
    <dl className="definition" aria-label="Sale summary">
      <dt>Price</dt>
      <dd>{sale.price === 0n ? "Free" : <Amount value={sale.price} decimals={t.decimals} symbol={t.symbol} />}</dd>
      <dt>Supply</dt>
      <dd>{sale.maxSupply === 0 ? "Open edition (no limit)" : `${sale.maxSupply.toLocaleString("en-US")} copies`}</dd>
      <dt>Per wallet</dt>
      <dd>{sale.walletCap === 0 ? "No limit" : `At most ${sale.walletCap.toLocaleString("en-US")}`}</dd>
      <dt>Sale</dt>
      <dd>
        {sale.start === 0 ? "Opens as soon as the release is created" : `Opens ${when(sale.start)}`}
        {sale.end === 0 ? ", never closes" : `, closes ${when(sale.end)}`}
      </dd>
      {presale ? (
        <>
          <dt>Presale</dt>
          <dd>
            {presale.addresses.length.toLocaleString("en-US")} listed{" "}
            {presale.addresses.length === 1 ? "wallet" : "wallets"},{" "}
            {presale.price === 0n ? "free" : <Amount value={presale.price} decimals={t.decimals} symbol={t.symbol} />}
            {presale.cap ? `, at most ${presale.cap.toLocaleString("en-US")} per wallet` : ""},{" "}
            {presale.start === 0 ? "from creation" : `from ${when(presale.start)}`} until the public sale
          </dd>
        </>
      ) : null}
    </dl>
  );
}

const STEP_LABELS: Record<Step, string> = {
  check: "Check the sale with the contract",
  upload: "Upload the cover, audio and metadata",
  allowlist: "Store the allowlist",
  tx: "Create the edition (confirm in your wallet)",
};

function ProgressList({ progress, presale, txFailed }: { progress: Progress; presale: boolean; txFailed: boolean }) {
  if (progress.step === null && progress.failed === null && !txFailed) return null;
  const steps: Step[] = presale ? ["check", "upload", "allowlist", "tx"] : ["check", "upload", "tx"];
  const current = progress.step ?? progress.failed?.step ?? (txFailed ? "tx" : null);
  const at = current ? steps.indexOf(current) : -1;
  return (
    <ol className="release-steps" aria-live="polite">
      {steps.map((s, i) => {
        const failed = (progress.failed?.step === s && i === at) || (s === "tx" && txFailed && progress.step === null);
        const state = failed ? "failed" : i < at ? "done" : i === at ? "current" : "pending";
        return (
          <li key={s} className={`release-step release-step-${state}`}>
            <span className="release-step-mark" aria-hidden="true">
              {state === "done" ? "✓" : state === "failed" ? "!" : i + 1}
            </span>
            {STEP_LABELS[s]}
            <span className="sr-only">
              {state === "done" ? " (done)" : state === "failed" ? " (failed)" : state === "current" ? " (now)" : ""}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function CreatedCard({
  created,
  collection,
  onAnother,
}: {
  created: Created;
  collection: Address;
  onAnother: () => void;
}) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const path = created.id !== null ? dropPath(collection, created.id) : null;
  const opens =
    created.start === 0
      ? created.presale
        ? "The presale is open."
        : "It is on sale now."
      : created.presale
        ? `The public sale opens ${when(created.start)}; the presale runs until then.`
        : `The sale opens ${when(created.start)}.`;
  return (
    <Card title="Release created">
      <div className="stack">
        <Alert tone="success" title={`“${created.title}” is out`}>
          {opens} Share the drop page with your fans.
        </Alert>
        {path ? (
          <div className="share-link">
            <label htmlFor="drop-link" className="sr-only">
              Drop page link
            </label>
            <input
              id="drop-link"
              className="input"
              readOnly
              value={`${origin}${path}`}
              onFocus={(e) => e.currentTarget.select()}
              data-testid="drop-link"
            />
            <CopyButton value={`${origin}${path}`} label="Copy drop link" />
          </div>
        ) : (
          <p className="muted">The edition number could not be read yet; it is listed under your releases.</p>
        )}
        <div className="row">
          {path ? <ButtonLink href={path}>Open the drop page</ButtonLink> : null}
          <ButtonLink href="/releases" variant="secondary">
            All your releases
          </ButtonLink>
          <Button variant="ghost" onClick={onAnother}>
            Create another release
          </Button>
        </div>
        {path ? (
          <p className="muted small">
            Link: <Link href={path}>{path}</Link>
          </p>
        ) : null}
      </div>
    </Card>
  );
}
