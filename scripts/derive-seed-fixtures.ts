// Re-derives the seed facts the tests compare against, from ../shared/seeds/ when that folder is beside the checkout:
// seed 001 附件1's 13 告知书 items (the lines 一、 … 十三、 after the heading, Word bookmark markers dropped). The tests read
// the committed fixture, so a fresh clone without ../shared still passes; where the seed is present they check the
// fixture still matches it. Run: node --import tsx scripts/derive-seed-fixtures.ts
import { createHash } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

export const SEED_001 = join(__dirname, '..', '..', 'shared', 'seeds', '001_be87c9dd2bca5c0f.txt');
export const NOTICE_FIXTURE = join(__dirname, '..', 'tests', 'fixtures', 'seed001-notice-items.json');

export interface NoticeFixture {
  source: string;
  sha256: string;
  items: string[];
}

/** Seed 001 附件1 as the seed file has it: the numbered lines after the heading. */
export function deriveNoticeItems(seedText: string): string[] {
  const body = seedText.slice(seedText.indexOf('消防安全告知书', seedText.indexOf('附件1\n')));
  return body
    .split('\n')
    .map((l) => l.replace(/\[bookmark: [^\]]*\]/g, '').trim())
    .filter((l) => /^[一二三四五六七八九十]+、/.test(l));
}

export const itemsDigest = (items: string[]) => createHash('sha256').update(items.join('\n')).digest('hex');

if ((require as unknown as { main?: unknown }).main === module) {
  if (!existsSync(SEED_001)) {
    console.error(`找不到种子文件 ${SEED_001}：需要在 shared/ 旁边运行`);
    process.exit(2);
  }
  const items = deriveNoticeItems(readFileSync(SEED_001, 'utf8'));
  const fixture: NoticeFixture = {
    source: 'shared/seeds/001_be87c9dd2bca5c0f.txt 附件1 消防安全告知书',
    sha256: itemsDigest(items),
    items,
  };
  writeFileSync(NOTICE_FIXTURE, `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`wrote ${items.length} items to ${NOTICE_FIXTURE}`);
}
