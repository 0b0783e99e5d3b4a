"use client";
/**
 * Edits the connected artist's profile: the document is uploaded (POST /api/media/profiles, signed-in
 * session), then the artist's own transaction points the registry at it (setProfileURI).
 */
import { useEffect, useState, type FormEvent } from "react";
import Link from "next/link";
import type { Address } from "viem";
import { useReadContract } from "wagmi";
import { artistRegistryAbi } from "@notalabel/contracts";
import { Alert, Button, Card, Field } from "@/components/ui";
import { ArtistGate } from "@/components/releases/ArtistGate";
import { SignInButton } from "@/components/wallet/session";
import { TxStatus, useTx } from "@/components/wallet/useTx";
import { parseProfile } from "@/lib/indexer";
import { MAX_LINKS, readProfileDocument, storedProfileId, type ArtistProfile } from "@/lib/media/profile";

/** The fields whose errors show under their control; any other error shows above the button. */
const FIELDS = new Set(["name", "bio", "links", "avatar", "banner"]);

export function ProfileEditor() {
  return (
    <ArtistGate why="Connect the wallet you registered as an artist: only it can change your profile.">
      {({ account, deployment, handle }) => (
        <Editor account={account} registry={deployment.contracts.ArtistRegistry.address} handle={handle} />
      )}
    </ArtistGate>
  );
}

/** The profile the registry points to now (a stored document, inline JSON or a bare link). */
async function currentProfile(uri: string): Promise<ArtistProfile> {
  const id = storedProfileId(uri);
  if (id) {
    const res = await fetch(`/api/metadata/${id}`);
    return res.ok ? readProfileDocument(await res.json()) : { links: [] };
  }
  const inline = parseProfile(uri);
  return { name: inline.name, bio: inline.bio, links: inline.link ? [inline.link] : [] };
}

function Editor({ account, registry, handle }: { account: Address; registry: Address; handle: string }) {
  const record = useReadContract({
    address: registry,
    abi: artistRegistryAbi,
    functionName: "artistOf",
    args: [account],
  });
  const uri = record.data?.profileURI;
  const [current, setCurrent] = useState<ArtistProfile | null>(null);
  const [name, setName] = useState("");
  const [bio, setBio] = useState("");
  const [links, setLinks] = useState("");
  const [avatar, setAvatar] = useState<File | null>(null);
  const [banner, setBanner] = useState<File | null>(null);
  const [problem, setProblem] = useState<{ message: string; field: string | null; signIn: boolean } | null>(null);
  const [uploading, setUploading] = useState(false);
  const tx = useTx();

  useEffect(() => {
    if (uri === undefined) return;
    let live = true;
    void currentProfile(uri).then((p) => {
      if (!live) return;
      setCurrent(p);
      setName(p.name ?? "");
      setBio(p.bio ?? "");
      setLinks(p.links.join("\n"));
    });
    return () => {
      live = false;
    };
  }, [uri]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const form = new FormData();
    form.set("name", name);
    form.set("bio", bio);
    form.set("links", links);
    if (avatar) form.set("avatar", avatar);
    else if (current?.avatar) form.set("keepAvatar", current.avatar);
    if (banner) form.set("banner", banner);
    else if (current?.banner) form.set("keepBanner", current.banner);
    setUploading(true);
    let profileUri: string;
    try {
      const res = await fetch("/api/media/profiles", { method: "POST", body: form });
      const body = (await res.json().catch(() => null)) as {
        profileUri?: string;
        error?: string;
        field?: string;
      } | null;
      if (res.status !== 201 || !body?.profileUri) {
        setProblem({
          message: body?.error ?? `The profile could not be stored (${res.status}).`,
          field: body?.field ?? null,
          signIn: res.status === 401,
        });
        return;
      }
      profileUri = body.profileUri;
    } catch {
      setProblem({
        message: "The server could not be reached. Check your connection and try again.",
        field: null,
        signIn: false,
      });
      return;
    } finally {
      setUploading(false);
    }
    await tx.send("Save profile", {
      address: registry,
      abi: artistRegistryAbi,
      functionName: "setProfileURI",
      args: [profileUri],
    });
    await record.refetch();
  }

  if (record.isLoading || (uri !== undefined && current === null))
    return (
      <p role="status" className="muted">
        Loading your profile…
      </p>
    );
  const fieldError = (f: string) => (problem?.field === f ? problem.message : undefined);
  return (
    <Card title={`@${handle}`} description="Leave a field empty to leave it off your page.">
      <form className="stack" onSubmit={save} noValidate>
        <Field
          id="profile-name"
          label="Display name"
          hint="Up to 60 characters; your handle stays @"
          error={fieldError("name")}
        >
          {(a) => (
            <input {...a} className="input" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
          )}
        </Field>
        <Field id="profile-bio" label="Bio" hint="Up to 1,000 characters." error={fieldError("bio")}>
          {(a) => (
            <textarea
              {...a}
              className="input"
              rows={4}
              value={bio}
              maxLength={1000}
              onChange={(e) => setBio(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="profile-links"
          label="Links"
          hint={`One web address a line, up to ${MAX_LINKS}.`}
          error={fieldError("links")}
        >
          {(a) => (
            <textarea {...a} className="input" rows={3} value={links} onChange={(e) => setLinks(e.target.value)} />
          )}
        </Field>
        <Field
          id="profile-avatar"
          label="Avatar"
          hint={
            current?.avatar
              ? "Leave empty to keep the current one."
              : "A square PNG, JPEG, WebP or GIF image, up to 10 MB."
          }
          error={fieldError("avatar")}
        >
          {(a) => (
            <input
              {...a}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              onChange={(e) => setAvatar(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <Field
          id="profile-banner"
          label="Banner"
          hint={current?.banner ? "Leave empty to keep the current one." : "A wide image (4:1), up to 10 MB."}
          error={fieldError("banner")}
        >
          {(a) => (
            <input
              {...a}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif"
              onChange={(e) => setBanner(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        {problem && !FIELDS.has(problem.field ?? "") ? (
          <Alert tone="error" title="Your profile was not saved">
            {problem.message} {problem.signIn ? <SignInButton /> : null}
          </Alert>
        ) : null}
        <div className="row">
          <Button type="submit" loading={uploading || tx.busy}>
            Save profile
          </Button>
          <Link href={`/artists/${handle}`}>View your page</Link>
        </div>
        <TxStatus state={tx.state} />
      </form>
    </Card>
  );
}
