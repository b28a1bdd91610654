import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertChildren, query } from '../helpers/children.js';
import { ROOT, SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf.js';

const TODAY = ['--today', '2026-04-01'];
const RECORD = ['--raised-by', 'setting', '--area', 'communication-and-language', '--description', 'Few words yet'];
const EXAMPLE = path.join(ROOT, 'examples', 'progress-check.json');
const REVIEW = path.join(ROOT, 'examples', 'review-result.json');

describe('consent gates sharing with health, and the review comes back', () => {
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => {
    ws = workspace({ SOURCE_DATE_EPOCH: '1780000000' });
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    insertChildren(ws.db, [
      {
        ref: 'L1',
        first_name: 'Ivy',
        last_name: 'Marchbank',
        dob: '2024-01-15',
        address: '3 Mill Lane, Leek',
        postcode: 'ST13 6BB',
        parent_name: 'Pat Marchbank',
      },
      {
        ref: 'S1',
        first_name: 'Otto',
        last_name: 'Fenwright',
        dob: '2024-01-20',
        address: '9 Hill Road, Hanley, Stoke-on-Trent',
        postcode: 'ST1 3AA',
        parent_name: 'Jo Fenwright',
      },
    ]);
    ws.run(['--today', '2026-03-01', 'concern', 'L1', ...RECORD]);
  });

  const shares = () => query(ws.db, "SELECT * FROM concern_events WHERE kind = 'shared'");

  it('refuses to share a concern without consent, saying what is missing and how to record it', () => {
    const never = ws.run([...TODAY, 'concern', 'share', '1', '--with', 'West Hub', '--how', 'phone']);
    expect(never.code).toBe(1);
    expect(never.stderr).toContain(
      'L1: no consent to share with health is recorded, so concern 1 cannot be shared with health; nothing was recorded',
    );
    expect(never.stderr).toContain('twocheck consent L1 --method paper');
    expect(never.stderr).toContain('--without-consent --reason');
    ws.run(['--today', '2026-03-02', 'consent', 'L1', '--method', 'paper']);
    ws.run(['--today', '2026-03-20', 'consent', 'L1', '--withdraw', '--method', 'verbal']);
    const withdrawn = ws.run([...TODAY, 'concern', 'share', '1', '--with', 'West Hub', '--how', 'phone']);
    expect(withdrawn.code).toBe(1);
    expect(withdrawn.stderr).toContain('the consent to share with health was withdrawn on 2026-03-20');
    expect(shares()).toHaveLength(0);
    // a share dated while consent stood is fine
    expect(ws.run([...TODAY, 'concern', 'share', '1', '--with', 'West Hub', '--how', 'phone', '--on', '2026-03-10']).code).toBe(0);
    // telling the parents needs no consent to share with health
    expect(ws.run([...TODAY, 'concern', 'share', '1', '--with', 'the parents', '--how', 'meeting']).code).toBe(0);
  });

  it('shares for safeguarding with --without-consent, keeping who decided and why in the audit log', () => {
    expect(ws.run([...TODAY, 'concern', 'share', '1', '--with', 'West Hub', '--how', 'phone', '--without-consent']).code).toBe(2);
    expect(ws.run([...TODAY, 'concern', 'share', '1', '--with', 'West Hub', '--how', 'phone', '--reason', 'x']).code).toBe(2);
    const shared = ws.run([
      ...TODAY,
      '--by',
      'Dana Manager',
      'concern',
      'share',
      '1',
      '--with',
      'West Hub',
      '--how',
      'phone',
      '--without-consent',
      '--reason',
      'Bruising seen; DSL decision',
    ]);
    expect(shared.code).toBe(0);
    expect(shared.stderr).toContain('without consent (safeguarding');
    const [audit] = query<{ by: string; details: string }>(ws.db, "SELECT by, details FROM audit WHERE action = 'consent.override'");
    expect(audit?.by).toBe('Dana Manager');
    expect(JSON.parse(audit?.details ?? '{}')).toMatchObject({
      reason: 'Bruising seen; DSL decision',
      decided_by: 'Dana Manager',
      with: 'West Hub',
      what: 'concern 1',
    });
    expect(shares()).toHaveLength(1);
  });

  it('refuses a share "with West Hub" for a home the Hubs do not cover', () => {
    ws.run(['--today', '2026-03-01', 'concern', 'S1', ...RECORD]);
    ws.run(['--today', '2026-03-01', 'consent', 'S1', '--method', 'paper']);
    const refused = ws.run([...TODAY, 'concern', 'share', '2', '--with', 'West Hub', '--how', 'phone']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not covered by West Hub');
    expect(refused.stderr).toContain('Stoke-on-Trent');
    expect(ws.run([...TODAY, 'concern', 'share', '2', '--with', 'Stoke-on-Trent health visiting', '--how', 'phone']).code).toBe(0);
  });

  it('shares a check with health only with consent, and records the review result on child, check, export', async () => {
    expect(ws.run([...TODAY, 'check', 'L1', '--from', EXAMPLE]).code).toBe(0);
    const refused = ws.run([...TODAY, 'check', 'share', 'L1', '--with', 'West Hub', '--how', 'email']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'L1: no consent to share with health is recorded, so the Progress Check (version 1) cannot be shared with health',
    );
    expect(query(ws.db, 'SELECT * FROM check_shares')).toHaveLength(0);
    expect(ws.run([...TODAY, 'consent', 'L1', '--method', 'paper']).code).toBe(0);
    expect(ws.run([...TODAY, 'check', 'L1', '--shared', '2026-04-01']).code).toBe(0);
    const shared = ws.run([...TODAY, 'check', 'share', 'L1', '--with', 'West Hub', '--how', 'email']);
    expect(shared.code).toBe(0);
    expect(shared.stderr).toContain('shared with West Hub by email on 2026-04-01');
    // one command: --with or --email, not both nor neither; the old flag says where it went
    expect(ws.run([...TODAY, 'check', 'share', 'L1', '--with', 'West Hub', '--email', 'hv@nhs.example']).code).toBe(2);
    expect(ws.run([...TODAY, 'check', 'share', 'L1']).code).toBe(2);
    expect(ws.run([...TODAY, 'check', 'share', 'L1', '--with', 'West Hub']).stderr).toContain('--with needs --how');
    const moved = ws.run([...TODAY, 'check', 'L1', '--share-with', 'West Hub']);
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain('twocheck check share L1 --with "West Hub" --how');
    expect(query(ws.db, 'SELECT * FROM check_shares')).toHaveLength(1);

    const bad = ws.write('bad-review.json', JSON.stringify({ reviewed_on: '2026-04-02', asq3: {} }));
    const rejected = ws.run([...TODAY, 'review', 'L1', '--from', bad]);
    expect(rejected.code).toBe(3);
    expect(rejected.stderr).toContain('reviewed_on: 2026-04-02 is in the future');
    expect(rejected.stderr).toContain('asq3.communication: required');
    expect(query(ws.db, 'SELECT * FROM reviews')).toHaveLength(0);
    expect(ws.run([...TODAY, 'review', 'L1']).code).toBe(2); // no terminal: cannot ask

    const example = JSON.parse(fs.readFileSync(REVIEW, 'utf8'));
    const file = ws.write('review.json', JSON.stringify({ ...example, reviewed_on: '2026-03-30' }));
    const recorded = ws.run([...TODAY, 'review', 'L1', '--from', file]);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain(
      'review 2026-03-30 by Hannah Okafor, health visitor at Leek Health Centre; Progress Check seen; monitor: Communication',
    );
    const child = ws.run([...TODAY, 'child', 'L1']);
    expect(child.stdout).toContain('integrated: the Progress Check was shared and the review result is recorded');
    expect(child.stdout).toContain('Communication: close to the cut-off (monitor)');
    expect(child.stdout).toContain('version 1: shared with West Hub by email 2026-04-01');
    const json = JSON.parse(ws.run([...TODAY, 'child', 'L1', '--json']).stdout);
    expect(json.reviews[0]).toMatchObject({ reviewedOn: '2026-03-30', checkSeen: true, asq3: { communication: 'close' } });
    expect(json.checkShares[0]).toMatchObject({ withWhom: 'West Hub', how: 'email', withoutConsentReason: null });
    const show = JSON.parse(ws.run([...TODAY, 'check', 'L1', '--show', '--json']).stdout);
    expect(show.reviews).toHaveLength(1);
    expect(show.sharedWithHealth).toHaveLength(1);
    const exported = JSON.parse(ws.run(['export', '--json']).stdout);
    expect(exported.find((c: { ref: string }) => c.ref === 'L1').reviews[0]).toMatchObject({
      asqCommunication: 'close',
      actions: expect.any(Array),
    });
    const csv = ws.run(['export', '--csv']).stdout;
    expect(csv).toMatch(/^review,L1,/m);
    expect(csv).toMatch(/^check-share,L1,/m);
    expect(ws.run([...TODAY, 'child', 'S1']).stdout).toContain('no Progress Check yet');

    // the check's PDF states the consent once it is given
    const amended = ws.run([...TODAY, 'check', 'L1', '--amend', '--reason', 'consent now given', '--from', EXAMPLE]);
    expect(amended.code).toBe(0);
    const text = (await pdfText(amended.stdout.trim())).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Pat Marchbank gave consent on 1 April 2026 for this Progress Check to be shared with the health visiting service.',
    );
  });
});
