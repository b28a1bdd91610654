import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, TemplateError, fillTemplate, parseTemplate } from '../../src/documents/template.js';
import { InputRejected, TwocheckError } from '../../src/errors.js';
import { languageCode } from '../../src/documents/template-files.js';
import { safeFileName } from '../../src/documents/pdf.js';

const HEAD = '---\ntitle: T {{child.first_name}}\nkind: parent-letter\nlanguage: en\n---\n';

function problems(source: string): string[] {
  try {
    parseTemplate(source, 'x.md');
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return [...(error as TemplateError).problems];
  }
  throw new Error('expected the template to be refused');
}

describe('parsing a letter template', () => {
  it('accepts front matter, headings, bullets, bold and conditions, and lists the placeholders used', () => {
    const t = parseTemplate(
      `${HEAD}# Hello {{child.first_name}}\n\n- **bold** {{hub.phone}}\n{{#if hub.found}}\nyes\n{{else}}\nno\n{{/if}}\n`,
      'x.md',
    );
    expect(t).toMatchObject({ title: 'T {{child.first_name}}', kind: 'parent-letter', language: 'en' });
    expect(t.placeholders).toEqual(['child.first_name', 'hub.found', 'hub.phone']);
    expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names file, line and column of an unknown placeholder and lists the valid names', () => {
    const [problem] = problems(`${HEAD}Dear {{parent.nmae}}\n`);
    expect(problem).toMatch(/^x\.md:6:6: unknown placeholder \{\{parent\.nmae\}\}; valid: /);
    for (const name of Object.keys(PLACEHOLDERS)) expect(problem).toContain(name);
  });

  it.each([
    ['unclosed braces', `${HEAD}Hello {{child.first_name\n`, 'x.md:6:7: unclosed "{{"'],
    ['braces opened twice', `${HEAD}a {{ b {{child.ref}}\n`, 'x.md:6:3: unclosed "{{"'],
    ['a stray closing brace', `${HEAD}Hello }} there\n`, 'x.md:6:7: "}}" without "{{"'],
    ['an unclosed bold', `${HEAD}a **b\n`, 'x.md:6:3: unclosed **'],
    ['an #if never closed', `${HEAD}{{#if funded}}\nx\n`, 'x.md:6:1: {{#if funded}} is never closed'],
    ['an else without if', `${HEAD}{{else}}\n`, 'x.md:6:1: {{else}} without an {{#if'],
    ['an /if without if', `${HEAD}{{/if}}\n`, 'x.md:6:1: {{/if}} without an {{#if'],
    ['two elses', `${HEAD}{{#if funded}}\n{{else}}\n{{else}}\n{{/if}}\n`, 'x.md:8:1: a second {{else}}'],
    ['a condition on an unknown name', `${HEAD}{{#if rich}}\n{{/if}}\n`, 'x.md:6:1: unknown placeholder {{rich}}'],
    ['a condition inside a line', `${HEAD}a {{#if funded}} b\n`, 'x.md:6:3: {{#if funded}} must stand on a line of its own'],
    ['no front matter', 'Dear {{parent.name}}\n', 'x.md:1:1: a template starts with front matter'],
    ['unclosed front matter', '---\ntitle: a\n', 'x.md:1:1: front matter opened with --- is never closed'],
    ['no title', '---\nkind: parent-letter\n---\nx\n', 'x.md:1:1: front matter needs a title'],
    ['an unknown front matter key', '---\ntitle: a\ncolour: red\n---\n', 'x.md:3:1: unknown front matter key "colour"'],
    ['a front matter line without a colon', '---\ntitle: a\nnonsense\n---\n', 'x.md:3:1: front matter lines are "key: value"'],
    ['an unknown kind', '---\ntitle: a\nkind: postcard\n---\n', 'x.md:1:1: unknown kind "postcard"'],
    ['a bad language', '---\ntitle: a\nlanguage: Polish!\n---\n', 'x.md:1:1: language "Polish!"'],
  ])('refuses %s', (_what, source, expected) => {
    expect(problems(source).join('\n')).toContain(expected);
  });

  it('reports every problem at once, not just the first', () => {
    expect(problems(`${HEAD}{{a}} {{b}}\n{{c}\n`)).toHaveLength(3);
  });
});

describe('filling a template', () => {
  const t = parseTemplate(
    `${HEAD}Dear {{parent.name}},\nsecond line\n\n# About {{child.first_name}}\n- one **{{hub.phone}}**\n{{#if hub.found}}\nCall {{hub.phone}}.\n{{else}}\nAsk the health visiting service.\n{{/if}}\n{{#if !funded}}\nNot funded.\n{{/if}}\n`,
    'x.md',
  );

  it('joins lines into paragraphs and keeps headings, bullets and bold runs', () => {
    const filled = fillTemplate(t, {
      'parent.name': 'Łucja',
      'child.first_name': 'Zoë',
      'hub.found': true,
      'hub.phone': '0300 303 3923',
      funded: true,
    });
    expect(filled.title).toBe('T Zoë');
    expect(filled.blocks).toEqual([
      { type: 'paragraph', runs: [{ text: 'Dear Łucja, second line', bold: false }] },
      { type: 'heading', runs: [{ text: 'About Zoë', bold: false }] },
      {
        type: 'bullet',
        runs: [
          { text: 'one ', bold: false },
          { text: '0300 303 3923', bold: true },
        ],
      },
      { type: 'paragraph', runs: [{ text: 'Call 0300 303 3923.', bold: false }] },
    ]);
  });

  it('takes the else branch when the Hub is unsure, and reports placeholders that printed empty', () => {
    const filled = fillTemplate(t, { 'parent.name': 'A', 'child.first_name': 'B', 'hub.found': false, funded: false });
    const text = filled.blocks.flatMap((b) => b.runs.map((r) => r.text)).join('\n');
    expect(text).toContain('Ask the health visiting service.');
    expect(text).toContain('Not funded.');
    expect(text).not.toContain('Call');
    expect(filled.empty).toEqual(['hub.phone']);
  });

  it('does not let a value open bold', () => {
    const filled = fillTemplate(t, { 'parent.name': '**x**', 'child.first_name': 'B' });
    expect(filled.blocks[0]?.runs.every((r) => !r.bold)).toBe(true);
  });
});

describe('roster languages and file names', () => {
  it.each([
    ['pl', 'pl'],
    ['PL', 'pl'],
    ['Polish', 'pl'],
    ['pl-PL', 'pl'],
    ['', null],
    [null, null],
    ['Klingon!', null],
  ])('%s -> %s', (given, code) => {
    expect(languageCode(given)).toBe(code);
  });

  it.each([
    [['../../etc', 'passwd'], 'etc-passwd'],
    [['CON'], 'file-CON'],
    [['nul'], 'file-nul'],
    [['..'], 'unnamed'],
    [['A/1', 'Zoë', 'Ольга'], 'A-1-Zoe'],
    [['C:\\x', 'a\u0000b'], 'C-x-a-b'],
  ])('%j -> %s', (parts, name) => {
    expect(safeFileName(...parts)).toBe(name);
  });
});

describe('a refused template', () => {
  it("is input rejected (exit 3) in the project's errors, its problems listed once, each on its own line", () => {
    const error = new TemplateError(['x.md:6:6: unknown placeholder {{parent.nmae}}', 'x.md:9:1: {{#if}} is never closed']);
    expect(error).toBeInstanceOf(InputRejected);
    expect(error).toBeInstanceOf(TwocheckError);
    expect(error.exitCode).toBe(3);
    expect(error.name).toBe('TemplateError');
    expect(error.message).toBe('2 problems in a letter template');
    expect(error.problems).toEqual(['x.md:6:6: unknown placeholder {{parent.nmae}}', 'x.md:9:1: {{#if}} is never closed']);
  });
});
