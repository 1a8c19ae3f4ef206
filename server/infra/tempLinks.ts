// Storage is private (scripts/deploy.ts): a page sees a file only through a temporary link a function issues after its
// own role and scope checks. One helper for every response that carries photos.
import { getCloud } from './cloud';

/** a link lasts long enough to look through a case, not long enough to become a standing public address */
const LINK_SECONDS = 2 * 3600;

/** file ID → temporary link; a file that cannot be linked is left out (the page shows it as unavailable). */
export async function tempLinks(fileIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds.filter(Boolean))];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 50) {
    const res = (await getCloud().getTempFileURL({
      fileList: unique.slice(i, i + 50).map((fileID) => ({ fileID, maxAge: LINK_SECONDS })),
    })) as {
      fileList: { fileID: string; tempFileURL?: string }[];
    };
    for (const f of res.fileList ?? []) if (f.tempFileURL) out.set(f.fileID, f.tempFileURL);
  }
  return out;
}
