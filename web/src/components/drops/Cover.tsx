/** An edition's cover art, or a neutral placeholder when the metadata has no image (or is unreachable). */
export function Cover({ src, title, large = false }: { src: string | null; title: string; large?: boolean }) {
  const className = large ? "drop-cover drop-cover-lg" : "drop-cover";
  if (!src)
    return (
      <div className={`${className} drop-cover-empty`} role="img" aria-label={`${title}: no cover art`}>
        <span aria-hidden="true">{title.trim().charAt(0).toUpperCase() || "♪"}</span>
      </div>
    );
  return (
    // Covers come from any host the artist chose (IPFS gateways, S3, this app): a plain img, lazy loaded.
    <img
      className={className}
      src={src}
      alt={`Cover of ${title}`}
      loading={large ? "eager" : "lazy"}
      decoding="async"
    />
  );
}
