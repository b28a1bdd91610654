import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { query } from '../helpers/children.js';
import { seedChildren } from '../helpers/seed.js';
import { pdfText } from '../helpers/pdf.js';
import { HAS_TERMINAL, KEY, onTerminal } from '../helpers/pty.js';

const ENV = { TWOCHECK_TODAY: '2026-06-01', TWOCHECK_BY: 'manager', SOURCE_DATE_EPOCH: '1780000000' };

describe.skipIf(!HAS_TERMINAL)('twocheck check on a terminal', () => {
  it('keeps a draft when cancelled half-way, then resumes it to a completed check', async () => {
    const ws = workspace(ENV);
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    seedChildren(ws.db, [{ ref: 'C2', first: 'Oliver', last: 'Test', dob: '2024-01-10', keyPerson: 'Priya Key' }]);
    const env = { ...ENV, TWOCHECK_DB: ws.db };

    const first = onTerminal(['check', 'C2'], { cwd: ws.dir, env });
    const answer = async (prompt: string, keys: string, times = 1) => {
      await first.waitFor(prompt, times);
      first.type(keys);
    };
    await answer('Date of the check', KEY.enter);
    await answer('Practitioner completing the check', KEY.enter);
    await answer('Key person', KEY.enter);
    await answer('Communication and Language: strengths', 'Talks in short sentences\r');
    await answer('Communication and Language: progress', KEY.down);
    await first.waitFor('❯ Less than expected');
    first.type(KEY.enter);
    await answer('what are the concerns?', 'Not yet following simple instructions\r');
    await answer('Communication and Language: next steps', 'Pictures with instructions\r');
    await answer('Personal, Social and Emotional Development: strengths', KEY.ctrlC);
    expect(await first.exited).toBe(130);
    expect(first.plain()).toContain('kept as a draft');

    const rows = query<{ status: string; data: string; pdf_path: string | null }>(ws.db, 'SELECT status, data, pdf_path FROM checks');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('draft');
    expect(rows[0]?.pdf_path).toBeNull();
    expect(JSON.parse(rows[0]?.data ?? '{}').areas.communication_and_language.concerns).toBe('Not yet following simple instructions');
    expect(fs.existsSync(path.join(ws.dir, 'checks'))).toBe(false);

    const second = onTerminal(['check', 'C2'], { cwd: ws.dir, env });
    const say = async (prompt: string, keys: string) => {
      await second.waitFor(prompt);
      second.type(keys);
    };
    await say('Resume it?', KEY.enter);
    await say('Personal, Social and Emotional Development: strengths', 'Kind to friends\r');
    await say('Personal, Social and Emotional Development: progress', KEY.enter);
    await say('Personal, Social and Emotional Development: next steps', 'Turn-taking games\r');
    await say('Physical Development: strengths', 'Runs and climbs\r');
    await say('Physical Development: progress', KEY.enter);
    await say('Physical Development: next steps', 'Threading beads\r');
    for (const area of ['Literacy', 'Mathematics', 'Understanding the World', 'Expressive Arts and Design'])
      await say(`${area} (optional)`, KEY.enter);
    await say("Parents' comments", 'Says lots at home\r');
    await say("The child's voice", 'Likes trains\r');
    await say('Additional needs', KEY.enter);
    await say('Plan agreed with parents', 'Speech and language referral with consent\r');
    await say('Date shared with parents', KEY.enter);
    await say('Home language', KEY.enter);
    await say('supports learning at home', 'Naming pictures at bedtime\r');
    await say("Other professionals' views", KEY.enter);
    await say('Targeted plan agreed with the SENCO', 'Small-group talk sessions twice a week\r');
    await say('agreed with the parents to give them the summary', KEY.enter);
    await say("summary of the child's health", KEY.enter);
    await say('make the PDF?', KEY.enter);
    expect(await second.exited).toBe(0);

    const done = query<{ status: string; version: number; pdf_path: string }>(ws.db, 'SELECT status, version, pdf_path FROM checks');
    expect(done).toEqual([
      { status: 'completed', version: 1, pdf_path: path.join(ws.dir, 'checks', 'Test-Oliver-C2-progress-check-v1.pdf') },
    ]);
    const text = await pdfText(done[0]?.pdf_path ?? '');
    expect(text).toContain('Not yet following simple instructions');
    expect(text).toContain('Less than expected');
    expect(text).toContain('Kind to friends');
    expect(text).toContain('Small-group talk sessions twice a week');
  }, 60000);
});
