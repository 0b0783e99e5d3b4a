/**
 * Reads a multipart request body into FormData, stopping as soon as it passes a byte limit. The
 * content-length check in the route catches honest clients early; this catches chunked uploads that
 * send no length (or a false one) before they fill the memory.
 */
export type FormBody = { ok: true; form: FormData } | { ok: false; reason: "too-large" | "unreadable" };

export async function readFormBody(req: Request, maxBytes: number): Promise<FormBody> {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        return { ok: false, reason: "too-large" };
      }
      chunks.push(value);
    }
  }
  try {
    const body = new Blob(chunks);
    const headers = { "content-type": req.headers.get("content-type") ?? "" };
    return { ok: true, form: await new Response(body, { headers }).formData() };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
