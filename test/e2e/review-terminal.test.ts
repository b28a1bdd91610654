import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { HAS_TERMINAL, KEY, onTerminal } from '../helpers/pty.js';

/*
 * `review <ref>` on a terminal asks whether the setting's Progress Check was seen at the review
 * only when there is a completed check to have seen; with none, it records "not seen" unasked.
 */
describe.skipIf(!HAS_TERMINAL)('twocheck review on a terminal', () => {
  const ws = workspace({ TWOCHECK_TODAY: '2026-11-23' });
  const ready = () => {
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    ws.write('roster.csv', 'ref,first_name,last_name,dob\nN1,Nia,Nocheck,2024-10-05\nC1,Cal,Checked,2024-10-05\n');
    expect(ws.run(['import', 'roster.csv']).code).toBe(0);
    const checked = ws.run(['check', 'C1', '--from', path.join(ROOT, 'examples', 'progress-check.json'), '--out', 'checks']);
    expect(checked.code, checked.stderr).toBe(0);
    return true;
  };

  async function review(ref: string, seenKeys: string | null): Promise<{ screen: string; seen: boolean }> {
    const session = onTerminal(['review', ref], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db, TWOCHECK_TODAY: '2026-11-23' } });
    const answer = async (prompt: string, keys: string) => {
      await session.waitFor(prompt);
      session.type(keys);
    };
    await answer('Date of the review', KEY.enter);
    await answer('Who did the review', 'Hana Okafor\r');
    await answer('Where (optional)', KEY.enter);
    if (seenKeys !== null) await answer('Progress Check seen', seenKeys);
    for (const area of ['Communication', 'Gross motor', 'Fine motor', 'Problem solving', 'Personal-social'])
      await answer(`ASQ-3 ${area}`, KEY.enter);
    await answer('ASQ:SE-2', KEY.enter);
    await answer('Action agreed', KEY.enter);
    await answer('Notes (optional)', KEY.enter);
    expect(await session.exited).toBe(0);
    const shown = JSON.parse(ws.run(['review', ref, '--show', '--json']).stdout) as { reviews: { checkSeen: boolean }[] };
    return { screen: session.plain(), seen: shown.reviews[0]!.checkSeen };
  }

  it('does not ask about a Progress Check the setting never completed, and records it as not seen', async () => {
    expect(ready()).toBe(true);
    const { screen, seen } = await review('N1', null);
    expect(screen).not.toContain('Progress Check seen at the review?');
    expect(screen).toContain('no completed Progress Check');
    expect(screen).not.toMatch(/warning/);
    expect(seen).toBe(false);
    expect(ws.run(['child', 'N1']).stdout).toContain('Progress Check not seen');
  }, 60000);

  it('asks when a check was completed', async () => {
    const { seen } = await review('C1', KEY.enter);
    expect(seen).toBe(true);
  }, 60000);
});
