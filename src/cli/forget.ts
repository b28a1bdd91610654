import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { counted } from '../domain/words.js';
import { Cancelled, UsageError } from '../errors.js';
import { compactAfterForget, forgetChild, planForget } from '../store/forget.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';
import { fullName, requireChild } from '../app/record-input.js';

export interface ForgetReport {
  token: string;
  rows: Record<string, number>;
  filesRemoved: string[];
  filesMissing: string[];
  filesFailed: { file: string; error: string }[];
  /** merged print files kept because they hold other children's letters too */
  filesKept: { file: string; why: string }[];
  /** false when another program was reading the database, so old pages stay until it closes */
  scrubbed: boolean;
}

export function register(program: Command): void {
  program
    .command('forget')
    .argument('<ref>', "the child's reference")
    .description("erase a child's personal data on request, keeping an anonymous audit line")
    .option('--yes', 'do not ask for confirmation (needed without a terminal)')
    .option('--json', 'the report as JSON')
    .action(
      withContext(async (ctx, command) => {
        const opts = command.opts<{ yes?: boolean; json?: boolean }>();
        const report = await runForget(ctx, command.args[0] as string, opts.yes === true);
        if (opts.json) {
          ctx.out.json(report);
          return;
        }
        ctx.out.data(`Erased: ${describeRows(report.rows)}.`);
        ctx.out.data(`Audit lines cleared of personal data: ${report.rows.audit_scrubbed}.`);
        ctx.out.data(
          `Files removed: ${report.filesRemoved.length}${report.filesMissing.length ? `; already gone: ${report.filesMissing.length}` : ''}${report.filesKept.length ? `; kept: ${report.filesKept.length}` : ''}.`,
        );
        for (const f of report.filesKept) ctx.out.warn(`kept ${f.file}: ${f.why}`);
        for (const f of report.filesFailed) ctx.out.warn(`could not remove ${f.file}: ${f.error}; delete it by hand`);
        if (!report.scrubbed)
          ctx.out.warn(
            `another program is reading the database, so the erased details stay in its log file (${ctx.dbPath}-wal) until it lets go: close that program, then run any twocheck command (such as twocheck due), which clears the log as it closes`,
          );
        ctx.out.data(`Erasure reference: ${report.token} (kept in the audit log; it names no one).`);
      }),
    );
}

export async function runForget(ctx: Context, ref: string, yes: boolean): Promise<ForgetReport> {
  const db = ctx.db();
  const child = requireChild(ctx, ref);
  const plan = planForget(db, child);
  if (!yes) {
    if (!ctx.interactive) throw new UsageError(`forget erases ${ref} for good: add --yes to confirm (no terminal to ask on)`);
    const prompts = await loadPrompts(ctx, 'forget needs --yes');
    ctx.out.info(
      `This erases ${fullName(child)} (${child.ref}): ${describeRows(plan.counts)}; ${counted(plan.files.length, 'file')}; and clears ${counted(plan.counts.audit_scrubbed ?? 0, 'audit line')}. It cannot be undone.`,
    );
    const answer = await ask(() => prompts.input({ message: `Type the reference ${child.ref} to confirm` }));
    if (answer.trim() !== child.ref) throw new Cancelled('Not confirmed: nothing was erased.');
  }
  const result = forgetChild(db, child, plan, ctx.by, ctx.now());
  const { complete } = compactAfterForget(db);
  // Files go after the rows: a failed transaction must not leave records pointing at nothing.
  const report: ForgetReport = {
    token: result.token,
    rows: result.counts,
    filesRemoved: [],
    filesMissing: [],
    filesFailed: [],
    scrubbed: complete,
    // a print file holding other children's letters is theirs too: it is kept, and said so
    filesKept: result.shared.map((s) => ({
      file: s.file,
      why: `it also holds the letters of ${counted(s.others, 'other child', 'other children')}, and still holds this child's pages; print what you need from it, then delete it by hand`,
    })),
  };
  for (const file of result.files) {
    const full = path.resolve(ctx.cwd, file);
    try {
      fs.rmSync(full);
      report.filesRemoved.push(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') report.filesMissing.push(file);
      else report.filesFailed.push({ file, error: (err as Error).message });
    }
  }
  return report;
}

/** What each table's rows are, one and many; the audit lines are reported apart. */
const ROW_WORDS: Record<string, [string, string]> = {
  children: ['child', 'children'],
  consents: ['consent', 'consents'],
  concerns: ['concern', 'concerns'],
  concern_events: ['concern event', 'concern events'],
  letters: ['letter', 'letters'],
  checks: ['check version', 'check versions'],
  dismissals: ['dismissed flag', 'dismissed flags'],
  group_members: ['group session place', 'group session places'],
};

/** "1 child, 3 consents": what is erased, in words. */
function describeRows(rows: Record<string, number>): string {
  return Object.entries(rows)
    .filter(([table, n]) => n > 0 && table !== 'audit_scrubbed')
    .map(([table, n]) => {
      const [one, many] = ROW_WORDS[table] ?? [table.replace('_', ' '), table.replace('_', ' ')];
      return counted(n, one, many);
    })
    .join(', ');
}
