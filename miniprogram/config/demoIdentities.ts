// The demo township's identities for the develop-build switcher. The mini program cannot require .json at runtime,
// so this mirrors demo-identities.json; tests/pages/demo-identities.test.ts fails when the two drift apart.
export interface DemoIdentity {
  openid: string;
  name: string;
  role: string;
  roleLabel: string;
  note: string;
}

export const DEMO_IDENTITIES: DemoIdentity[] = [
  { openid: 'demo-office', name: '刘晓东', role: 'office', roleLabel: '镇领导小组办公室', note: '全镇：建村、建网格、管人员与角色、发邀请、分配和调整走访范围、看全镇统计（电话全显）' },
  { openid: 'demo-discipline', name: '王纪明', role: 'discipline', roleLabel: '镇纪委', note: '全镇只读：查看各村网格、农户与走访分工，约谈逾期走访人（电话打码）' },
  { openid: 'demo-liaison-1', name: '张秀兰', role: 'liaison', roleLabel: '村联络员', note: '三江村网格员：维护本村微网格、农户和走访分工，邀请本村村民与网格长（本村电话全显）' },
  { openid: 'demo-liaison-2', name: '李国强', role: 'liaison', roleLabel: '村联络员', note: '桐木溪村网格员：维护本村微网格、农户和走访分工，邀请本村村民与网格长（本村电话全显）' },
  { openid: 'demo-liaison-3', name: '杨春梅', role: 'liaison', roleLabel: '村联络员', note: '龙潭坪村网格员：维护本村微网格、农户和走访分工，邀请本村村民与网格长（本村电话全显）' },
  { openid: 'demo-visitor-1', name: '向建军', role: 'visitor', roleLabel: '走访人', note: '镇干部；责任范围：三江村第1微网格、三江村第2微网格；只看有分工的村的农户' },
  { openid: 'demo-visitor-2', name: '舒丽华', role: 'visitor', roleLabel: '走访人', note: '镇干部；责任范围：三江村第3微网格、三江村第4微网格；只看有分工的村的农户' },
  { openid: 'demo-visitor-3', name: '米志勇', role: 'visitor', roleLabel: '走访人', note: '村干部；责任范围：桐木溪村第1微网格、桐木溪村第2微网格；只看有分工的村的农户' },
  { openid: 'demo-visitor-4', name: '谌海波', role: 'visitor', roleLabel: '走访人', note: '驻村工作队；责任范围：桐木溪村第3微网格、龙潭坪村第1微网格；只看有分工的村的农户' },
  { openid: 'demo-visitor-5', name: '邓小芳', role: 'visitor', roleLabel: '走访人', note: '党员；责任范围：龙潭坪村第2微网格、龙潭坪村第3微网格；只看有分工的村的农户' },
  { openid: 'demo-visitor-6', name: '戴文涛', role: 'visitor', roleLabel: '走访人', note: '镇干部；责任范围：暂无责任范围（可用于演示分配与调整）；只看有分工的村的农户' },
  { openid: 'demo-leader-1', name: '刘冬梅', role: 'gridLeader', roleLabel: '网格长', note: '三江村第1微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-2', name: '邓国平', role: 'gridLeader', roleLabel: '网格长', note: '三江村第2微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-3', name: '夏德明', role: 'gridLeader', roleLabel: '网格长', note: '三江村第3微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-4', name: '唐海清', role: 'gridLeader', roleLabel: '网格长', note: '三江村第4微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-5', name: '舒满秀', role: 'gridLeader', roleLabel: '网格长', note: '桐木溪村第1微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-6', name: '戴桂英', role: 'gridLeader', roleLabel: '网格长', note: '桐木溪村第2微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-7', name: '刘爱莲', role: 'gridLeader', roleLabel: '网格长', note: '桐木溪村第3微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-8', name: '米建华', role: 'gridLeader', roleLabel: '网格长', note: '龙潭坪村第1微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-9', name: '肖桂英', role: 'gridLeader', roleLabel: '网格长', note: '龙潭坪村第2微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-leader-10', name: '王志刚', role: 'gridLeader', roleLabel: '网格长', note: '龙潭坪村第3微网格网格长（本人也是该网格村民）：每周联络每户、上报风险，可邀请本网格村民' },
  { openid: 'demo-villager-1', name: '夏光辉', role: 'villager', roleLabel: '村民', note: '三江村一组5号村民：看明白卡和告知书、自查、上报隐患，只看自己一户' },
  { openid: 'demo-villager-2', name: '王家富', role: 'villager', roleLabel: '村民', note: '桐木溪村一组5号村民：看明白卡和告知书、自查、上报隐患，只看自己一户' },
  { openid: 'demo-villager-3', name: '陈满秀', role: 'villager', roleLabel: '村民', note: '龙潭坪村一组5号村民：看明白卡和告知书、自查、上报隐患，只看自己一户' },
];
