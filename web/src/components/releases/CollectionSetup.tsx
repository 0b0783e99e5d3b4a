"use client";
/**
 * Step 1 of the first release: the artist's ERC-1155 collection (one per artist), with its name and the
 * ERC-2981 royalty that marketplaces pay to the artist's payout on resales.
 */
import { useId, useState, type FormEvent } from "react";
import type { Address } from "viem";
import { dropFactoryAbi } from "@notalabel/contracts";
import { Address as AddressView, Button, Field } from "@/components/ui";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { COLLECTION_NAME_MAX, parseCollectionForm, type CollectionFormValues } from "@/lib/releaseForm";

export function CollectionSetup({
  account,
  factory,
  payout,
  defaultName,
}: {
  account: Address;
  factory: Address;
  payout: Address;
  defaultName: string;
}) {
  const uid = useId();
  const tx = useTx();
  const [values, setValues] = useState<CollectionFormValues>({ name: defaultName, royalty: "5" });
  const [touched, setTouched] = useState<Partial<Record<keyof CollectionFormValues, boolean>>>({});
  const [showAll, setShowAll] = useState(false);
  const { args, errors } = parseCollectionForm(values);
  const seen = (k: keyof CollectionFormValues) => showAll || touched[k];
  const payoutIsSelf = payout.toLowerCase() === account.toLowerCase();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setShowAll(true);
    if (!args) {
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    // On success useTx refreshes the reads, and the page moves on to the release form.
    await tx.send("Create collection", {
      address: factory,
      abi: dropFactoryAbi,
      functionName: "createCollection",
      args: [args.name, BigInt(args.royaltyBps)],
    });
  }

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field
        id={`${uid}-name`}
        label="Collection name"
        required
        error={seen("name") ? errors.name : undefined}
        hint="Shown by wallets and marketplaces above your releases. Usually your artist name."
      >
        {(a) => (
          <input
            {...a}
            className="input"
            value={values.name}
            maxLength={COLLECTION_NAME_MAX + 20}
            autoComplete="off"
            onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
            onBlur={() => setTouched((t) => ({ ...t, name: true }))}
          />
        )}
      </Field>
      <Field
        id={`${uid}-royalty`}
        label="Resale royalty %"
        required
        error={seen("royalty") ? errors.royalty : undefined}
        hint={
          <>
            Paid to your split on resales: marketplaces that honour royalties (ERC-2981) send this share of every resale
            price to your payout address{" "}
            {payoutIsSelf ? "(your wallet)" : <AddressView address={payout} href={`/splits/${payout}`} />}. At most 25%;
            0 for none. You can change it later.
          </>
        }
      >
        {(a) => (
          <div className="release-suffix-input">
            <input
              {...a}
              className="input"
              inputMode="decimal"
              autoComplete="off"
              value={values.royalty}
              onChange={(e) => setValues((v) => ({ ...v, royalty: e.target.value }))}
              onBlur={() => setTouched((t) => ({ ...t, royalty: true }))}
            />
            <span aria-hidden="true">%</span>
          </div>
        )}
      </Field>
      <TxStatus state={tx.state} onDismiss={tx.reset} />
      <div className="row">
        <Button type="submit" loading={tx.busy}>
          Create collection
        </Button>
        <span className="muted small">One transaction. Your releases are then added to it one by one.</span>
      </div>
    </form>
  );
}
