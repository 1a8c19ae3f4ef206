// Fires timer triggers from each function's config.json. CloudBase cron has 7 fields
// (second minute hour day month weekday year) and is evaluated in Beijing time.
import { CronExpressionParser } from 'cron-parser';
import type { VirtualClock } from './clock';
import type { FunctionRunner, TimerTrigger } from './runner';

export interface ScheduledTrigger {
  fn: string;
  trigger: TimerTrigger;
}

export interface FiredTimer {
  fn: string;
  trigger: string;
  at: string;
  result: unknown;
}

/** The next fire time strictly after `after`, or null if none (e.g. the year field has passed). */
export function nextFireTime(cron: string, after: Date): Date | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 7) throw new Error(`CloudBase cron needs 7 fields (s m h day month weekday year): "${cron}"`);
  const year = fields[6];
  const expr = CronExpressionParser.parse(fields.slice(0, 6).join(' '), { tz: 'Asia/Shanghai', currentDate: after });
  for (let i = 0; i < 10_000; i++) {
    const next = expr.next().toDate();
    const y = Number(new Date(next.getTime() + 8 * 3600_000).getUTCFullYear());
    if (yearMatches(year, y)) return next;
    if (!yearMayMatchLater(year, y)) return null;
  }
  return null;
}

function yearMatches(field: string, y: number): boolean {
  if (field === '*') return true;
  return field.split(',').some((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? y === a : y >= a && y <= b;
  });
}

function yearMayMatchLater(field: string, y: number): boolean {
  if (field === '*') return true;
  return field.split(',').some((part) => Math.max(...part.split('-').map(Number)) >= y);
}

export class TimerScheduler {
  private handle: NodeJS.Timeout | undefined;
  private lastCheck: Date;
  private running = false;

  constructor(
    private readonly runner: FunctionRunner,
    private readonly clock: VirtualClock,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.lastCheck = clock.now();
  }

  triggers(): ScheduledTrigger[] {
    return this.runner
      .names()
      .flatMap((fn) => (this.runner.config(fn).triggers ?? []).filter((t) => t.type === 'timer').map((trigger) => ({ fn, trigger })));
  }

  start(intervalMs = 1000): void {
    this.handle ??= setInterval(() => void this.tick(), intervalMs);
    this.handle.unref();
  }

  stop(): void {
    if (this.handle) clearInterval(this.handle);
    this.handle = undefined;
  }

  /**
   * Fire every trigger whose cron time fell in (lastCheck, now]. Like CloudBase, a trigger fires once even if the
   * clock jumped over several of its times: catching up is the job's own duty.
   */
  async tick(): Promise<FiredTimer[]> {
    if (this.running) return [];
    this.running = true;
    try {
      const now = this.clock.now();
      const from = this.lastCheck <= now ? this.lastCheck : now;
      this.lastCheck = now;
      const due = this.triggers().filter(({ trigger }) => {
        const next = nextFireTime(trigger.config, from);
        return next !== null && next <= now;
      });
      const results: FiredTimer[] = [];
      for (const { fn, trigger } of due) results.push(await this.fire(fn, trigger.name));
      return results;
    } finally {
      this.running = false;
    }
  }

  async fire(fn: string, triggerName?: string): Promise<FiredTimer> {
    const trigger = (this.runner.config(fn).triggers ?? []).find((t) => t.type === 'timer' && (!triggerName || t.name === triggerName));
    if (!trigger) throw new Error(`function ${fn} has no timer trigger${triggerName ? ` named ${triggerName}` : ''}`);
    const at = this.clock.now().toISOString();
    const event = { Type: 'Timer', TriggerName: trigger.name, Time: at, Message: '' };
    const result = await this.runner.invoke(fn, event, { source: 'timer' });
    const record = { fn, trigger: trigger.name, at, result };
    this.log(`timer ${fn}/${trigger.name} fired at ${at}`);
    return record;
  }
}
