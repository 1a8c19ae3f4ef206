// The switcher's list (a .ts module: the mini program cannot require .json) must match demo-identities.json.
import json from '../../miniprogram/config/demo-identities.json';
import { DEMO_IDENTITIES } from '../../miniprogram/config/demoIdentities';

it('config/demoIdentities.ts mirrors config/demo-identities.json', () => {
  expect(DEMO_IDENTITIES).toEqual(json);
});

it('every identity has the fields the switcher shows', () => {
  for (const d of DEMO_IDENTITIES) {
    expect(d.openid).toMatch(/^demo-/);
    expect(d.name).toBeTruthy();
    expect(d.roleLabel).toBeTruthy();
  }
});
