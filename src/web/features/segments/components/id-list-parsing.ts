const HEADER = /^(ids?|user_?ids?|targeting_?key|user|users|device_?id)$/i;
const CHUNK = 5000;

/** Ids typed or pasted: one per line or comma separated, blanks dropped, duplicates removed. */
export function splitIds(text: string): string[] {
  return [...new Set(text.split(/[\n,;\r\t]+/).map((id) => id.trim()).filter(Boolean))];
}

/** The first column of a CSV (quotes removed, a header row skipped), read in chunks so the page stays responsive. */
export async function parseCsvFirstColumn(text: string, onProgress: (percent: number) => void): Promise<string[]> {
  const lines = text.split(/\r?\n/);
  const ids = new Set<string>();
  for (let start = 0; start < lines.length; start += CHUNK) {
    for (const line of lines.slice(start, start + CHUNK)) {
      const first = line.split(',')[0]?.trim().replace(/^"(.*)"$/, '$1').trim();
      if (first) ids.add(first);
    }
    onProgress(Math.round((Math.min(start + CHUNK, lines.length) / lines.length) * 100));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const list = [...ids];
  return list.length > 0 && HEADER.test(list[0]) ? list.slice(1) : list;
}
