// `npm start`: the local CloudBase on 127.0.0.1:PORT with the project's functions, timers and the demo township.
import { join, resolve } from 'path';
import { startEmulator } from './index';
import { COLLECTIONS } from '../server/infra/collections';
import { getDb } from '../server/infra/cloud';
import { seedDemo } from '../scripts/demo-data';
import { seedSupervisionDemo } from '../scripts/supervision-demo';

const ROOT = join(__dirname, '..');

function config() {
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const dataDir = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(ROOT, '.local', 'data');
  return { port, dataDir, seed: process.env.NO_DEMO !== '1' };
}

async function main(): Promise<void> {
  const { port, dataDir, seed } = config();
  const emulator = await startEmulator({ port, dataDir, collections: COLLECTIONS, timers: true, log: (l) => console.log(l) });
  if (seed) {
    const summary = await emulator.runner.runAsServer(() => seedDemo(getDb(), { activity: true }));
    console.log(`demo township: ${JSON.stringify(summary)}`);
    const hazards = await emulator.runner.runAsServer(() => seedSupervisionDemo(getDb()));
    if (hazards) console.log(`demo hazard register: ${hazards} hazards in 三江村`);
  }
  console.log(`邻里守望 local backend on ${emulator.url}`);
  console.log(`  data:       ${dataDir}`);
  console.log(`  functions:  ${emulator.runner.names().join(', ')}`);
  console.log(
    `  timers:     ${
      emulator.scheduler
        .triggers()
        .map((t) => `${t.fn}/${t.trigger.name} "${t.trigger.config}"`)
        .join('; ') || 'none'
    }`,
  );
  console.log(`  try:        curl -s -X POST ${emulator.url}/fn/org -H 'x-wx-openid: demo-office' -d '{"action":"me"}'`);
  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
