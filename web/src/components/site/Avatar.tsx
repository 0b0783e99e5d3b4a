/** A colored initial for an artist (no images to load); the color comes from the address. */
export function Avatar({ handle, id, large = false }: { handle: string; id: string; large?: boolean }) {
  const hue = parseInt(id.slice(2, 8), 16) % 360;
  return (
    <span
      className={`avatar${large ? " avatar-lg" : ""}`}
      style={{ background: `hsl(${hue} 55% 38%)` }}
      aria-hidden="true"
    >
      {handle.slice(0, 1)}
    </span>
  );
}
