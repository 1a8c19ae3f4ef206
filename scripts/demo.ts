// `npm run demo`: on a fresh local backend, play December 2024 of seed 001's campaign on the virtual clock through the
// dev API (SPEC §4): December is 统计中 until its 48 h offline window has passed and closes into a draft notice on
// 01-02 24:00; the office publishes it; one visitor objects and is upheld (a correction is appended), one remedies in
// the remedy window, one is referred to the discipline office and interviewed.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { startEmulator } from '../emulator';
import { COLLECTIONS } from '../server/infra/collections';
import { getDb } from '../server/infra/cloud';
import { seedDemo } from './demo-data';

const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : mkdtempSync(join(tmpdir(), 'nw-demo-'));
const port = Number(process.env.PORT ?? 0);

async function main(): Promise<void> {
  const emulator = await startEmulator({ port, dataDir, collections: COLLECTIONS });
  await emulator.runner.runAsServer(() => seedDemo(getDb()));
  const api = async (fn: string, openid: string | null, event: Record<string, unknown>): Promise<any> => {
    const res = await fetch(`${emulator.url}/fn/${fn}`, {
      method: 'POST',
      headers: openid ? { 'x-wx-openid': openid } : {},
      body: JSON.stringify(event),
    });
    const body = (await res.json()) as any;
    if (!body.ok) throw new Error(`${fn}.${String(event.action ?? 'timer')} as ${openid}: ${body.code} ${body.message}`);
    return body.data;
  };
  const clock = (now: string) => fetch(`${emulator.url}/_clock`, { method: 'POST', body: JSON.stringify({ now }) });
  // moving the virtual clock fires every timer whose Beijing-time cron it passes (the ladder runs hourly at :05)
  const ladder = async (now: string) => {
    const r = (await (await clock(now)).json()) as { timersFired: string[] };
    console.log(`  clock → ${now}: fired ${r.timersFired.join(', ') || 'nothing'}`);
  };
  const households = async (openid: string): Promise<string[]> => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const res = await api('visit', openid, { action: 'myHouseholds', page, pageSize: 20 });
      ids.push(...res.items.map((h: any) => h.householdId));
      if (ids.length >= res.total || res.items.length === 0) return ids;
    }
  };
  const knock = async (openid: string, householdId: string, now: string) => {
    await clock(now);
    await api('visit', openid, {
      action: 'recordVisit',
      householdId,
      templateId: 'residential-default',
      answers: [
        { key: 'electricalWiring', answer: 'ok' },
        { key: 'gas', answer: 'ok' },
      ],
      education: { noticeHandedOver: true, sanQingSanGuanExplained: true },
    });
  };

  console.log(`邻里守望 demo on ${emulator.url} (data: ${dataDir})`);
  await clock('2024-11-19T09:00:00+08:00');
  const campaigns = await api('visit', 'demo-office', { action: 'listCampaigns' });
  const seed = (campaigns.items ?? campaigns).find((c: any) => String(c.id ?? c._id).includes('seed001'));
  const campaignId = seed
    ? (seed.id ?? seed._id)
    : (await api('visit', 'demo-office', { action: 'createCampaign', preset: 'seed001', active: true })).id;
  if (seed) await api('visit', 'demo-office', { action: 'updateCampaign', campaignId, active: true });
  const [onTime, remedies, late, objects] = ['demo-visitor-1', 'demo-visitor-2', 'demo-visitor-3', 'demo-visitor-4'];
  const range: Record<string, string[]> = {};
  for (const v of [onTime, remedies, late, objects]) range[v] = await households(v);
  console.log(
    `visitors: ${onTime} (on time), ${remedies} (misses one, remedies), ${late} (one round only), ${objects} (one round, in hospital: objects)`,
  );
  // visitor 5 is away this winter: the office exempts them, with a reason, so the story stays four people
  for (const periodKey of ['first-round', '2024-12']) {
    await api('escalation', 'demo-office', {
      action: 'exemptVisitor',
      campaignId,
      periodKey,
      visitorPersonId: 'person-demo-visitor-5',
      reason: '演示：抽调县防火督查组',
    });
  }
  for (const v of [onTime, remedies, late, objects]) for (const h of range[v]) await knock(v, h, '2024-11-26T10:00:00+08:00');
  for (const h of range[onTime]) await knock(onTime, h, '2024-12-02T10:00:00+08:00');
  for (const h of range[onTime]) await knock(onTime, h, '2024-12-11T10:00:00+08:00');
  for (const h of range[remedies]) await knock(remedies, h, '2024-12-03T10:00:00+08:00');
  for (const h of range[remedies].slice(1)) await knock(remedies, h, '2024-12-13T10:00:00+08:00');
  for (const h of range[late]) await knock(late, h, '2024-12-05T10:00:00+08:00');
  for (const h of range[objects]) await knock(objects, h, '2024-12-06T10:00:00+08:00');
  console.log('timer runs:');
  await ladder('2024-12-27T08:05:00+08:00');
  await ladder('2024-12-30T08:05:00+08:00');
  await ladder('2025-01-01T00:05:00+08:00');
  const stages = await api('escalation', 'demo-office', { action: 'periodStages' });
  console.log(
    `  2025-01-01: 2024年12月 ${stages.find((p: any) => p.campaignId === campaignId && p.periodKey === '2024-12').stageLabel}（离线走访补录期48小时）`,
  );
  await ladder('2025-01-03T00:05:00+08:00');
  const draft = (await api('escalation', 'demo-office', { action: 'listNotices', status: 'draft' })).items.find(
    (n: any) => n.periodKey === '2024-12',
  );
  console.log(`  通报草稿（仅镇办公室和镇纪委可见）：${draft.lines.map((l: any) => l.visitorName).join('、')}`);
  await clock('2025-01-03T10:00:00+08:00');
  const published = await api('escalation', 'demo-office', { action: 'publishNotice', noticeId: draft._id });
  console.log(
    `  2025-01-03 10:00 镇办公室发布通报；补齐期限：${new Date(new Date(published.remedyDeadline).getTime() - 60_000 + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}`,
  );
  const objectCase = `notice:${campaignId}:2024-12:person-${objects}`;
  await clock('2025-01-06T09:00:00+08:00');
  await api('escalation', objects, { action: 'fileObjection', caseId: objectCase, text: '12月中旬起住院治疗，附住院证明', photos: [] });
  await api('escalation', 'demo-office', { action: 'ruleObjection', caseId: objectCase, upheld: true, reason: '住院证明属实' });
  await knock(remedies, range[remedies][0], '2025-01-07T16:00:00+08:00');
  await ladder('2025-01-11T00:05:00+08:00');

  const notices = await api('escalation', 'demo-visitor-1', { action: 'listNotices' });
  const december = notices.items.find((n: any) => n.periodKey === '2024-12');
  console.log(`\n${december.title}`);
  for (const line of december.lines)
    console.log(`  · ${line.visitorName}：${line.shortHouseholds}户未完成，共差${line.missingVisits}次走访`);
  for (const c of december.corrections) console.log(`  更正（${c.at.slice(0, 10)}）：${c.reason}`);
  const interviews = await api('escalation', 'demo-discipline', { action: 'listCases', level: 'interview' });
  console.log('\n镇纪委约谈名单：');
  for (const c of interviews.items) {
    const list = c.shortHouseholds.map((h: any) => `${h.address}差${h.missing}次`);
    console.log(
      `  · ${c.visitorName}（${c.periodLabel}）：${list.slice(0, 4).join('、')}${list.length > 4 ? `等${list.length}户` : ''}；证据：${c.evidence.visits.length}次走访记录、${c.evidence.reminders.length}次提醒`,
    );
  }
  const remedied = await api('escalation', 'demo-office', { action: 'listCases', level: 'notice', status: 'remedied' });
  console.log(`\n规定时间内已补齐、不再约谈：${remedied.items.map((c: any) => `${c.visitorName}（${c.periodLabel}）`).join('、') || '无'}`);
  const withdrawn = await api('escalation', 'demo-office', { action: 'listCases', level: 'notice', status: 'withdrawn' });
  console.log(`申辩成立、已撤销：${withdrawn.items.map((c: any) => `${c.visitorName}（${c.periodLabel}）`).join('、') || '无'}`);
  await emulator.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
