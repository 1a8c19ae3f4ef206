// miniprogram/app.json against WeChat's rules, read from the sources that use them:
// - requiredPrivateInfos: "自 2022 年 7 月 14 日后发布的小程序，使用以下 8 个地理位置相关接口时，需要声明该字段，否则将
//   无法正常使用" — getFuzzyLocation, getLocation, onLocationChange, startLocationUpdate, startLocationUpdateBackground,
//   chooseLocation, choosePoi, chooseAddress; the fuzzy API excludes the four precise ones (app.json 配置项
//   requiredPrivateInfos, https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html). An
//   undeclared call fails on a phone with "getLocation:fail the api need to be declared in the requiredPrivateInfos field
//   in app.json/ext.json".
// - permission: the location scopes show the `desc` purpose text when the user is asked ("小程序获取权限时展示的接口用途
//   说明。最长 30 个字符", same page, permission).
// - preloadRule: entering the home page preloads the package of every role tile and shortcut, on any network (the
//   2 MB preload quota is checked by scripts/package-size.mjs, tests/pages/package-size.test.ts).
// - the subscription-message template ids live in one place, miniprogram/config/subscribeTemplates.ts.
import { readFileSync, readdirSync } from 'fs';
import path from 'path';
import { ROLE_AREAS, SHORTCUTS } from '../../miniprogram/config/roles';
import { SUBSCRIBE_TEMPLATES } from '../../miniprogram/config/subscribeTemplates';

const ROOT = path.join(__dirname, '..', '..', 'miniprogram');

interface AppJson {
  subpackages: { root: string; name?: string; pages: string[] }[];
  preloadRule?: Record<string, { packages: string[]; network?: 'all' | 'wifi' }>;
  requiredPrivateInfos?: string[];
  permission?: Record<string, { desc?: string }>;
}

interface Source {
  file: string;
  text: string;
}

/** The APIs requiredPrivateInfos must name when called, with the scope (and so the permission desc) each asks for. */
const DECLARED_APIS: Record<string, string | null> = {
  getFuzzyLocation: 'scope.userFuzzyLocation',
  getLocation: 'scope.userLocation',
  onLocationChange: 'scope.userLocation',
  startLocationUpdate: 'scope.userLocation',
  startLocationUpdateBackground: 'scope.userLocationBackground',
  // these open WeChat's own picker: declared, but no scope to describe
  chooseLocation: null,
  choosePoi: null,
  chooseAddress: null,
};
const PRECISE = ['getLocation', 'onLocationChange', 'startLocationUpdate', 'startLocationUpdateBackground'];
const DESCRIBED_SCOPES = ['scope.userLocation', 'scope.userFuzzyLocation', 'scope.userLocationBackground'];
const DESC_MAX = 30;

const API_CALL = new RegExp(`\\bwx\\s*\\.\\s*(${Object.keys(DECLARED_APIS).join('|')})\\b`, 'g');
const SCOPE_USE = new RegExp(`['"\`](${DESCRIBED_SCOPES.map((s) => s.replace('.', '\\.')).join('|')})['"\`]`, 'g');

/** Every way app.json falls short of what the sources use; [] when it is right. */
function privacyProblems(app: AppJson, sources: Source[]): string[] {
  const problems: string[] = [];
  const declared = new Set(app.requiredPrivateInfos ?? []);
  const usedApis = new Map<string, string>();
  const scopes = new Map<string, string>();
  for (const { file, text } of sources) {
    for (const [, api] of text.matchAll(API_CALL)) {
      if (!usedApis.has(api)) usedApis.set(api, file);
      const scope = DECLARED_APIS[api];
      if (scope && !scopes.has(scope)) scopes.set(scope, file);
    }
    for (const [, scope] of text.matchAll(SCOPE_USE)) if (!scopes.has(scope)) scopes.set(scope, file);
  }
  for (const [api, file] of usedApis)
    if (!declared.has(api)) problems.push(`${file} 调用 wx.${api}，app.json 的 requiredPrivateInfos 未声明`);
  for (const api of declared) {
    if (!(api in DECLARED_APIS)) problems.push(`requiredPrivateInfos 中的 ${api} 不是需要声明的接口`);
    else if (!usedApis.has(api)) problems.push(`requiredPrivateInfos 声明了 ${api}，但没有代码调用它`);
  }
  if (declared.has('getFuzzyLocation') && PRECISE.some((a) => declared.has(a)))
    problems.push('getFuzzyLocation 与 getLocation、onLocationChange、startLocationUpdate、startLocationUpdateBackground 互斥');
  for (const [scope, file] of scopes) {
    const desc = app.permission?.[scope]?.desc ?? '';
    if (!desc) problems.push(`${file} 使用 ${scope}，app.json 的 permission 缺少 desc`);
    else if ([...desc].length > DESC_MAX) problems.push(`${scope} 的 desc 超过 ${DESC_MAX} 个字符`);
    else if (!/[\u4e00-\u9fa5]/.test(desc)) problems.push(`${scope} 的 desc 应为中文用途说明`);
  }
  return problems;
}

function sourcesUnder(dir: string): Source[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'miniprogram_npm' ? [] : sourcesUnder(full);
    return /\.(ts|js|wxml|wxs)$/.test(e.name) ? [{ file: path.relative(ROOT, full), text: readFileSync(full, 'utf8') }] : [];
  });
}

const app = JSON.parse(readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as AppJson;
const sources = sourcesUnder(ROOT);

describe('privacy declarations', () => {
  it('every location API the mini program calls is in requiredPrivateInfos and every scope it uses has a Chinese purpose', () => {
    expect(privacyProblems(app, sources)).toEqual([]);
    // what that means today: the GPS proof of presence
    expect(app.requiredPrivateInfos).toEqual(['getLocation']);
    expect(app.permission?.['scope.userLocation']?.desc).toMatch(/位置/);
  });

  it('the check fails on an undeclared call, a missing or too long desc, a stale or conflicting declaration', () => {
    const call = (text: string): Source[] => [{ file: 'pages/x/index.ts', text }];
    expect(privacyProblems({ ...app, requiredPrivateInfos: [] }, call('wx.getLocation({ type: "gcj02" })'))).toEqual([
      'pages/x/index.ts 调用 wx.getLocation，app.json 的 requiredPrivateInfos 未声明',
    ]);
    expect(privacyProblems(app, call('wx.getLocation({}); wx.chooseLocation({})'))).toEqual([
      'pages/x/index.ts 调用 wx.chooseLocation，app.json 的 requiredPrivateInfos 未声明',
    ]);
    expect(privacyProblems({ ...app, permission: {} }, call('wx.getLocation({})'))).toEqual([
      'pages/x/index.ts 使用 scope.userLocation，app.json 的 permission 缺少 desc',
    ]);
    expect(
      privacyProblems({ ...app, permission: { 'scope.userLocation': { desc: '位'.repeat(31) } } }, call('wx . getLocation({})')),
    ).toEqual(['scope.userLocation 的 desc 超过 30 个字符']);
    expect(privacyProblems(app, call('wx.authorize({ scope: "scope.userLocationBackground" }); wx.getLocation({})'))).toEqual([
      'pages/x/index.ts 使用 scope.userLocationBackground，app.json 的 permission 缺少 desc',
    ]);
    expect(privacyProblems(app, call('wx.showToast({})'))).toEqual(['requiredPrivateInfos 声明了 getLocation，但没有代码调用它']);
    expect(
      privacyProblems(
        {
          ...app,
          requiredPrivateInfos: ['getLocation', 'getFuzzyLocation'],
          permission: { ...app.permission, 'scope.userFuzzyLocation': { desc: '大致位置' } },
        },
        call('wx.getLocation({}); wx.getFuzzyLocation({})'),
      ),
    ).toEqual(['getFuzzyLocation 与 getLocation、onLocationChange、startLocationUpdate、startLocationUpdateBackground 互斥']);
    // a longer name is another API, not a call of the declared one
    expect(privacyProblems({ ...app, requiredPrivateInfos: [] }, call('wx.onLocationChangeError(() => {})'))).toEqual([]);
  });
});

describe('preloadRule', () => {
  const packageOf = (pagePath: string) => app.subpackages.find((p) => pagePath.replace(/^\//, '').startsWith(`${p.root}/`));

  it('the home page preloads the package of every role tile and shortcut on any network, and nothing else', () => {
    const wanted = new Set(
      [...Object.values(ROLE_AREAS).map((a) => a.path), ...SHORTCUTS.map((s) => s.path)]
        .map((p) => packageOf(p))
        .filter((p): p is AppJson['subpackages'][number] => !!p)
        .map((p) => p.name ?? p.root),
    );
    const rule = app.preloadRule?.['pages/home/index'];
    expect(rule?.network).toBe('all');
    expect(new Set(rule?.packages)).toEqual(wanted);
    expect(rule?.packages).toHaveLength(wanted.size);
    // the developer identity switcher is never preloaded for real users
    expect(rule?.packages).not.toContain('dev');
  });

  it('every preload rule is keyed by a real page and names real packages', () => {
    const pages = [
      ...(JSON.parse(readFileSync(path.join(ROOT, 'app.json'), 'utf8')) as { pages: string[] }).pages,
      ...app.subpackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`)),
    ];
    const names = new Set(app.subpackages.flatMap((s) => [s.root, s.name ?? s.root]));
    for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
      expect(pages).toContain(page);
      for (const pkg of rule.packages) expect(names.has(pkg) || pkg === '__APP__').toBe(true);
    }
  });
});

describe('subscription template ids', () => {
  it('live only in miniprogram/config/subscribeTemplates.ts, and every subscription request takes them from there', () => {
    const home = path.join('config', 'subscribeTemplates.ts');
    for (const id of Object.values(SUBSCRIBE_TEMPLATES)) {
      expect(sources.filter((s) => s.text.includes(`'${id}'`) || s.text.includes(`"${id}"`)).map((s) => s.file)).toEqual([home]);
    }
    const askers = sources.filter((s) => s.file !== home && /\bwx\s*\.\s*requestSubscribeMessage\b/.test(s.text));
    expect(askers.length).toBeGreaterThan(0);
    for (const s of askers) expect(s.text).toMatch(/from '(\.\.\/)+config\/subscribeTemplates'/);
  });
});
