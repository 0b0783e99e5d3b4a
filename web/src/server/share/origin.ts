/** This site's origin for absolute links in metadata and snippets: PUBLIC_WEB_URL, else the request's host. */
import { headers } from "next/headers";
import { publicBaseUrl } from "../../lib/media/urls";

export async function requestOrigin(): Promise<string> {
  return publicBaseUrl(new Request("http://localhost/", { headers: await headers() }));
}
