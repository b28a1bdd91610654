import type { Command } from 'commander';
import type { CalendarDate } from '../domain/calendar.js';
import { CONSENT_KINDS, CONSENT_METHODS, type ConsentKind, type ConsentMethod } from '../domain/records.js';
import { UsageError } from '../errors.js';
import type { Child } from '../store/children.js';
import { type Consent, addConsent, consentHistory, currentConsents } from '../store/consents.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';
import { type Column, droppedNote, tableLines, tableWidth } from './table.js';
import { choiceFlag, dateFlag, fullName, requireChild, textFlag } from './recordInput.js';

export interface ConsentOptions {
  kind?: string;
  byParent?: string;
  on?: string;
  method?: string;
  withdraw?: boolean;
  note?: string;
}

export interface ConsentResult {
  child: Child;
  consent: Consent;
  warnings: string[];
}

export function register(program: Command): void {
  program
    .command('consent')
    .argument('<ref>', "the child's reference")
    .description('record consent given or withdrawn (sharing with health, or the Parental Declaration)')
    .option('--kind <kind>', `what is consented to: ${CONSENT_KINDS.join(' or ')} (default share-with-health)`)
    .option('--by-parent <name>', "the parent or carer who gave it (default: the child's parent on the roster)")
    .option('--on <date>', 'the date it was given or withdrawn (default today)')
    .option('--method <how>', `how: ${CONSENT_METHODS.join(', ')}`)
    .option('--withdraw', 'record a withdrawal; the earlier consent stays on the record')
    .option('--note <text>', 'anything worth keeping with it')
    .option('--show', "list the child's consent history, change nothing")
    .option('--json', 'with --show: the history as JSON')
    .action(withContext(async (ctx, command) => {
      const ref = command.args[0] as string;
      const opts = command.opts<ConsentOptions & { show?: boolean; json?: boolean }>();
      if (opts.show || opts.json) {
        const child = requireChild(ctx, ref);
        printHistory(ctx, child, consentHistory(ctx.db(), child.id), opts.json === true);
        return;
      }
      const result = await runConsent(ctx, ref, opts);
      for (const warning of result.warnings) ctx.out.warn(warning);
      const c = result.consent;
      ctx.out.done(`Recorded: ${c.kind} ${c.status} by ${c.givenBy} on ${c.onDate} (${c.method}) for ${fullName(result.child)} (${result.child.ref}).`);
    }));
}

export async function runConsent(ctx: Context, ref: string, opts: ConsentOptions): Promise<ConsentResult> {
  const child = requireChild(ctx, ref);
  const nothingGiven = Object.values(opts).every((v) => v === undefined);
  const limits = { today: ctx.today, dob: child.dob };
  let kind: ConsentKind = opts.kind === undefined ? 'share-with-health' : choiceFlag('--kind', opts.kind, CONSENT_KINDS);
  let withdraw = opts.withdraw === true;
  let givenBy = textFlag('--by-parent', opts.byParent) ?? child.parentName;
  let onDate: CalendarDate = opts.on === undefined ? ctx.today : dateFlag('--on', opts.on, limits);
  let method: ConsentMethod | null = opts.method === undefined ? null : choiceFlag('--method', opts.method, CONSENT_METHODS);
  let note = textFlag('--note', opts.note);

  const missing = [...(givenBy ? [] : ['--by-parent']), ...(method ? [] : ['--method'])];
  if (missing.length > 0 || (nothingGiven && ctx.interactive)) {
    const prompts = await loadPrompts(ctx, `consent needs ${missing.join(' and ')}`);
    ctx.out.info(`Consent for ${fullName(child)} (${child.ref}), born ${child.dob}.`);
    if (nothingGiven) {
      kind = await ask(() => prompts.select({
        message: 'Consent to', default: kind,
        choices: [{ name: 'share information with health visiting', value: 'share-with-health' as const },
          { name: 'Parental Declaration (funded two-year-old place)', value: 'parental-declaration' as const }],
      }));
      withdraw = await ask(() => prompts.select({
        message: 'Given or withdrawn', choices: [{ name: 'given', value: false }, { name: 'withdrawn', value: true }],
      }));
    }
    if (nothingGiven || !givenBy) {
      const answer = await ask(() => prompts.input({
        message: 'Given by (parent or carer)', default: givenBy ?? '',
        validate: (v) => (v.trim() === '' ? 'Who gave it?' : true),
      }));
      givenBy = answer.trim();
    }
    if (nothingGiven) {
      const answer = await ask(() => prompts.input({
        message: 'On (YYYY-MM-DD or DD/MM/YYYY)', default: onDate,
        validate: (v) => { try { dateFlag('date', v, limits); return true; } catch (e) { return (e as Error).message; } },
      }));
      onDate = dateFlag('--on', answer, limits);
    }
    if (!method) {
      method = await ask(() => prompts.select({ message: 'How', choices: CONSENT_METHODS.map((m) => ({ name: m, value: m })) }));
    }
    if (nothingGiven) note = textFlag('--note', await ask(() => prompts.input({ message: 'Note (optional)' }))  || undefined);
  }
  if (!givenBy || !method) throw new UsageError(`consent needs ${missing.join(' and ')}`);

  const warnings: string[] = [];
  if (kind === 'parental-declaration' && child.funded !== true) {
    warnings.push(`${child.ref} is not marked as funded on the roster; check the Parental Declaration is for a funded place`);
  }
  const latest = currentConsents(ctx.db(), child.id)[kind];
  if (latest && onDate < latest.onDate) {
    warnings.push(`this is dated before the ${kind} ${latest.status} on ${latest.onDate}; the one recorded last counts as current`);
  }
  const consent = addConsent(ctx.db(), child.id, {
    kind, status: withdraw ? 'withdrawn' : 'given', givenBy, onDate, method, note,
  }, ctx.by, ctx.now());
  return { child, consent, warnings };
}

function printHistory(ctx: Context, child: Child, history: Consent[], json: boolean): void {
  if (json) {
    ctx.out.json({ ref: child.ref, consents: history });
    return;
  }
  if (history.length === 0) {
    ctx.out.info(`No consent recorded for ${child.ref} yet. Record it: twocheck consent ${child.ref} --method paper`);
    return;
  }
  const p = ctx.out.paint;
  const status = (text: string, row: number): string => (history[row]!.status === 'given' ? p.green(text) : p.yellow(text));
  // on a narrow terminal the method goes first, then who recorded it; the notes wrap
  const columns: Column[] = [
    { header: 'date' }, { header: 'kind' }, { header: 'status', style: status }, { header: 'given by' },
    { header: 'method', drop: 1 }, { header: 'recorded by', drop: 2 }, { header: 'note', wrap: true },
  ];
  const rows = history.map((c) => [c.onDate, c.kind, c.status, c.givenBy, c.method, c.recordedBy, c.note ?? '']);
  const { lines, dropped } = tableLines(columns, rows, tableWidth(ctx.out.stdout, ctx.env), p.bold);
  for (const line of lines) ctx.out.data(line);
  const note = droppedNote(dropped);
  if (note) ctx.out.info(note);
}
