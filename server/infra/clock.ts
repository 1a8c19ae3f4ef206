// Server time decides every rule. Locally the emulator's virtual clock shifts it; a deployment never sets these variables,
// and no request can set an environment variable, so nothing a caller sends can move a real deployment's clock.

export function now(): Date {
  if (process.env.NW_EMULATOR === '1') {
    const offset = Number(process.env.NW_CLOCK_OFFSET_MS || '0');
    if (Number.isFinite(offset)) return new Date(Date.now() + offset);
  }
  return new Date();
}
