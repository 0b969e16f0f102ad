import { authorizationHeader } from "./session.js";

/**
 * Downloads a server CSV (`/export/<report>.csv`) with the signed-in token. A plain link
 * cannot carry the Authorization header, so the page fetches and hands over the file; an
 * error answer becomes a thrown Error with the gateway's message.
 */
export async function downloadServerCsv(token: string | null, path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: authorizationHeader(token) });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    throw new Error(body?.errors?.[0]?.message ?? `The export failed (${response.status})`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
