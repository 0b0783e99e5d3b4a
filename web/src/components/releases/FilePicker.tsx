"use client";
/**
 * A file input for the cover art or the audio preview. The picked file is checked at once (size and
 * real format, the upload route's own check) and previewed, so a wrong file is explained before sending.
 */
import { useEffect, useState } from "react";
import { Button, Field } from "@/components/ui";
import { MAX_BYTES, formatMegabytes, validateMediaFile } from "@/lib/media/validate";
import type { PickedFile } from "@/lib/releaseForm";

export type FileKind = "cover" | "audio";

const ACCEPT: Record<FileKind, string> = {
  cover: "image/png,image/jpeg,image/webp,image/gif,.png,.jpg,.jpeg,.webp,.gif",
  audio: "audio/*,.mp3,.ogg,.wav,.flac,.m4a",
};

/** Checks a picked file; the answer is what the form keeps (the file itself is kept by the caller). */
export async function checkPickedFile(kind: FileKind, file: File | null): Promise<PickedFile> {
  if (!file) return { state: "empty" };
  const check = await validateMediaFile(kind, file);
  return check.ok
    ? { state: "ok", name: file.name, size: file.size }
    : { state: "invalid", name: file.name, message: check.message };
}

/** An object URL for a file, revoked when the file changes or the component goes. */
function useObjectUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  return url;
}

export function FilePicker({
  id,
  kind,
  label,
  hint,
  file,
  picked,
  error,
  disabled,
  onPick,
}: {
  id: string;
  kind: FileKind;
  label: string;
  hint: string;
  file: File | null;
  picked: PickedFile;
  error?: string;
  disabled?: boolean;
  onPick: (file: File | null) => void;
}) {
  const url = useObjectUrl(picked.state === "ok" ? file : null);
  const limit = `${MAX_BYTES[kind] / 1024 / 1024} MB`;
  return (
    <div className={`release-file release-file-${kind}`}>
      <Field id={id} label={label} required error={error} hint={`${hint} Up to ${limit}.`}>
        {(a) => (
          <input
            {...a}
            type="file"
            className="input release-file-input"
            accept={ACCEPT[kind]}
            disabled={disabled}
            // The same file picked again (after fixing it) should be checked again.
            onClick={(e) => (e.currentTarget.value = "")}
            onChange={(e) => {
              const f = e.target.files?.[0];
              // A cancelled dialog keeps the file already picked; "Remove" clears it.
              if (f) onPick(f);
            }}
          />
        )}
      </Field>
      {picked.state === "checking" ? (
        <p className="muted small" role="status">
          Checking {picked.name}…
        </p>
      ) : null}
      {picked.state === "ok" ? (
        <div className="release-file-preview">
          {kind === "cover" && url ? (
            // A local object URL: nothing for next/image to optimise.
            <img src={url} alt="Cover art preview" className="release-cover-preview" />
          ) : null}
          {kind === "audio" && url ? (
            <audio controls preload="metadata" src={url} aria-label="Audio preview">
              Your browser cannot play this preview.
            </audio>
          ) : null}
          <p className="muted small">
            {picked.name} · {formatMegabytes(picked.size)}{" "}
            <Button variant="ghost" size="sm" onClick={() => onPick(null)} disabled={disabled}>
              Remove
            </Button>
          </p>
        </div>
      ) : null}
    </div>
  );
}
