// Seed 001 附件1's 13 告知书 items for the tests, from the committed fixture (a fresh clone has no ../shared/). Where the
// seed is beside the checkout, the fixture must still equal what the seed says: drift fails loudly.
import { existsSync, readFileSync } from 'fs';
import { NOTICE_FIXTURE, SEED_001, deriveNoticeItems, itemsDigest, type NoticeFixture } from '../../scripts/derive-seed-fixtures';

export function seedNoticeItems(): string[] {
  const fixture = JSON.parse(readFileSync(NOTICE_FIXTURE, 'utf8')) as NoticeFixture;
  if (itemsDigest(fixture.items) !== fixture.sha256)
    throw new Error('tests/fixtures/seed001-notice-items.json was edited by hand: re-derive it with scripts/derive-seed-fixtures.ts');
  if (existsSync(SEED_001)) {
    const fromSeed = deriveNoticeItems(readFileSync(SEED_001, 'utf8'));
    if (itemsDigest(fromSeed) !== fixture.sha256)
      throw new Error(
        'seed 001 附件1 differs from tests/fixtures/seed001-notice-items.json: re-derive it with scripts/derive-seed-fixtures.ts',
      );
  }
  return fixture.items;
}
