/**
 * Letter templates a manager can edit: plain text with a little Markdown and {{placeholders}}.
 * No pdfkit here, so `templates check` stays light.
 *
 *   ---
 *   title: Your child's Progress Check at two
 *   kind: parent-letter
 *   language: en
 *   signed: Manager              optional: the role under the manager's name in the sign-off
 *   ---
 *   # A heading
 *   A paragraph runs until a blank line; **bold** inside a line.
 *   - a bullet
 *   {{#if hub.found}}            a line of its own; {{else}} and {{/if}} likewise
 *   Dear {{parent.name}}
 */
import { createHash } from 'node:crypto';
import { counted } from '../domain/words.js';
import { InputRejected } from '../errors.js';

/** Every placeholder a template may use, with what it prints. Conditions are the same names. */
export const PLACEHOLDERS: Readonly<Record<string, string>> = {
  'child.first_name': "the child's first name",
  'child.last_name': "the child's last name",
  'child.full_name': "the child's first and last name",
  'child.ref': "the setting's reference for the child",
  'child.dob': 'date of birth, e.g. 3 March 2024',
  turns_two_on: 'the second birthday, e.g. 3 March 2026',
  already_two: "true when the child is two or over on the letter's date (for {{#if already_two}})",
  'parent.name': 'the parents\' names, or "Parent or carer"',
  'parent.address': "the child's home address and postcode",
  key_person: "the child's key person",
  'key_person.known': 'true when the roster names the key person (for a letter in a language that words the fallback itself)',
  funded: 'true when the child has a funded two-year-old place (for {{#if funded}})',
  today: "the letter's date, e.g. 23 November 2026",
  'setting.name': "the setting's name",
  'setting.address': "the setting's address",
  'setting.phone': "the setting's phone number",
  'setting.email': "the setting's email",
  'setting.manager': 'the manager, who signs the letter',
  'hub.found': 'true when the Hub for the home is certain (for {{#if hub.found}})',
  'hub.name': 'the Hub, e.g. West Hub',
  'hub.phone': "the Hub's phone number (only print it inside {{#if hub.found}})",
  'hub.not_covered': "true when the child's home is outside the area's Hubs (for {{#if hub.not_covered}})",
  health_service: 'the service a family contacts: the Hub, or the service that covers a home outside the Hubs',
  review_when:
    'when the health review is, true for the child\'s age on the letter\'s date, e.g. "in the next few months, before Ava is two and a half"',
  'session.date': 'a group session: its date',
  'session.time': 'a group session: its time',
  'session.place': 'a group session: where it is',
  'session.health_visitor': 'a group session: the health visitor',
  'session.lead': 'a group session: the lead practitioner',
};

const TEMPLATE_KINDS = ['parent-letter', 'group-invitation', 'progress-check'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface Run {
  text: string;
  bold: boolean;
}
export type Block = { type: 'heading'; runs: Run[] } | { type: 'paragraph'; runs: Run[] } | { type: 'bullet'; runs: Run[] };

type Node =
  | { type: 'heading' | 'bullet' | 'text'; text: string; line: number }
  | { type: 'blank'; line: number }
  | { type: 'if'; name: string; negate: boolean; then: Node[]; otherwise: Node[]; line: number };

export interface Template {
  /** file name, as errors and the letters table name it */
  file: string;
  title: string;
  kind: TemplateKind;
  language: string;
  /** the manager's role under their name in the sign-off, in the letter's language ("Manager") */
  signedAs: string;
  /** SHA-256 of the source, recorded with each letter */
  hash: string;
  /** placeholder names the body uses */
  placeholders: string[];
  nodes: Node[];
}

export type Fields = Readonly<Record<string, string | boolean | null | undefined>>;

/** A template file that cannot be used: every problem, each as file:line:column. Exit 3, like any refused input. */
export class TemplateError extends InputRejected {
  constructor(problems: string[]) {
    super(`${counted(problems.length, 'problem')} in a letter template`, problems);
  }
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Parses and validates; throws TemplateError listing every problem as file:line:column. */
export function parseTemplate(source: string, file: string, names: readonly string[] = Object.keys(PLACEHOLDERS)): Template {
  const problems: string[] = [];
  const at = (line: number, column: number, message: string) => problems.push(`${file}:${line}:${column}: ${message}`);
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const meta: Record<string, string> = {};
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end < 0) at(1, 1, 'front matter opened with --- is never closed with ---');
    else {
      for (let i = 1; i < end; i++) {
        const m = /^\s*([a-z]+)\s*:\s*(.*?)\s*$/.exec(lines[i] ?? '');
        if (!m) {
          if ((lines[i] ?? '').trim() !== '') at(i + 1, 1, 'front matter lines are "key: value"');
          continue;
        }
        if (!['title', 'kind', 'language', 'signed'].includes(m[1] as string))
          at(i + 1, 1, `unknown front matter key "${m[1]}" (valid: title, kind, language, signed)`);
        else meta[m[1] as string] = m[2] as string;
      }
      start = end + 1;
    }
  } else at(1, 1, 'a template starts with front matter: ---, title:, kind:, language:, ---');
  if (start > 0 && !meta.title) at(1, 1, 'front matter needs a title');
  const kind = (meta.kind ?? 'parent-letter') as TemplateKind;
  if (!TEMPLATE_KINDS.includes(kind)) at(1, 1, `unknown kind "${meta.kind}" (valid: ${TEMPLATE_KINDS.join(', ')})`);
  const language = meta.language ?? 'en';
  if (!/^[a-z]{2,3}$/.test(language)) at(1, 1, `language "${language}" should be a code such as en or pl`);

  const used = new Set<string>();
  const checkName = (name: string, line: number, column: number) => {
    if (!names.includes(name)) at(line, column, `unknown placeholder {{${name}}}; valid: ${names.join(', ')}`);
    else used.add(name);
  };
  const root: Node[] = [];
  const stack: Extract<Node, { type: 'if' }>[] = [];
  const inElse: boolean[] = [];
  const target = (): Node[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return inElse[inElse.length - 1] ? top.otherwise : top.then;
  };
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = i + 1;
    const trimmed = raw.trim();
    const control = /^\{\{\s*(#if|else|\/if)\s*(!?)\s*([^{}\s]*)\s*\}\}$/.exec(trimmed);
    if (control) {
      const col = raw.indexOf('{{') + 1;
      if (control[1] === '#if') {
        checkName(control[3] as string, line, col);
        const node: Node = { type: 'if', name: control[3] as string, negate: control[2] === '!', then: [], otherwise: [], line };
        target().push(node);
        stack.push(node);
        inElse.push(false);
      } else if (stack.length === 0) at(line, col, `{{${control[1]}}} without an {{#if …}} before it`);
      else if (control[1] === 'else') {
        if (inElse[inElse.length - 1]) at(line, col, 'a second {{else}} in one {{#if}}');
        inElse[inElse.length - 1] = true;
      } else {
        stack.pop();
        inElse.pop();
      }
      continue;
    }
    // Braces: every {{ must close on the same line, and every name must be known.
    let scan = 0;
    for (;;) {
      const open = raw.indexOf('{{', scan);
      const stray = raw.indexOf('}}', scan);
      if (stray >= 0 && (open < 0 || stray < open)) {
        at(line, stray + 1, '"}}" without "{{" before it');
        scan = stray + 2;
        continue;
      }
      if (open < 0) break;
      const close = raw.indexOf('}}', open + 2);
      const nextOpen = raw.indexOf('{{', open + 2);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        at(line, open + 1, 'unclosed "{{": close it with "}}" on the same line');
        scan = open + 2;
        continue;
      }
      const name = raw.slice(open + 2, close).trim();
      if (name.startsWith('#') || name.startsWith('/') || name === 'else')
        at(line, open + 1, `{{${name}}} must stand on a line of its own`);
      else checkName(name, line, open + 1);
      scan = close + 2;
    }
    if ((raw.match(/\*\*/g) ?? []).length % 2 === 1) at(line, raw.lastIndexOf('**') + 1, 'unclosed ** (bold runs to the end of its line)');
    if (trimmed === '') target().push({ type: 'blank', line });
    else if (/^#{1,3}\s/.test(trimmed)) target().push({ type: 'heading', text: trimmed.replace(/^#+\s*/, ''), line });
    else if (/^[-*]\s/.test(trimmed)) target().push({ type: 'bullet', text: trimmed.slice(2).trim(), line });
    else target().push({ type: 'text', text: trimmed, line });
  }
  for (const open of stack) at(open.line, 1, `{{#if ${open.name}}} is never closed with {{/if}}`);
  if (problems.length > 0) throw new TemplateError(problems);
  return {
    file,
    title: meta.title as string,
    kind,
    language,
    signedAs: meta.signed || 'Manager',
    hash: createHash('sha256').update(source).digest('hex'),
    placeholders: [...used].sort(),
    nodes: root,
  };
}

/** A value as a letter prints it; true/false conditions print nothing. */
function show(value: Fields[string]): string {
  return typeof value === 'string' ? value : '';
}

function truthy(value: Fields[string]): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value === true;
}

/** Fills the template; the result is blocks ready to draw. Placeholders without a value print empty. */
export function fillTemplate(template: Template, fields: Fields): { title: string; blocks: Block[]; empty: string[] } {
  const blocks: Block[] = [];
  const empty = new Set<string>();
  let paragraph: string[] = [];
  const substitute = (text: string) =>
    text.replace(PLACEHOLDER, (_m, name: string) => {
      // A value cannot open bold: "**" in a name becomes "* *".
      const value = show(fields[name]).replaceAll('**', '* *');
      if (value === '') empty.add(name);
      return value;
    });
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', runs: runs(paragraph.join(' ')) });
    paragraph = [];
  };
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type === 'if') walk(truthy(fields[node.name]) !== node.negate ? node.then : node.otherwise);
      else if (node.type === 'text') paragraph.push(substitute(node.text));
      else {
        flush();
        if (node.type !== 'blank') blocks.push({ type: node.type, runs: runs(substitute(node.text)) });
      }
    }
  };
  walk(template.nodes);
  flush();
  return { title: substitute(template.title), blocks, empty: [...empty].sort() };
}

/** "**bold** text" → runs; bold markers come from the template, so values cannot inject bold. */
function runs(text: string): Run[] {
  return text
    .split('**')
    .map((part, i) => ({ text: part, bold: i % 2 === 1 }))
    .filter((r) => r.text !== '');
}
