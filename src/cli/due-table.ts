import type { Column } from './table.js';

/** "2 years 3 months" as "2y 3m", for a narrow table. */
export function shortAge(age: string): string {
  return age.replace(/ years?/, 'y').replace(/ months?/, 'm');
}

/** "Amelia-Rose Featherstonehaugh" as "Amelia-Rose F.", for a narrow table. */
export function shortName(name: string): string {
  const at = name.lastIndexOf(' ');
  return at < 0 ? name : `${name.slice(0, at)} ${name[at + 1]}.`;
}

/**
 * The columns of `due`, and what gives way first on a narrow terminal: the age is written
 * short, then the birthday goes (the flags and the next date say what to do), then surnames
 * shorten to an initial; the flags wrap between names.
 */
export function dueColumns(red: (text: string, row: number) => string): Column[] {
  return [
    { header: 'ref', style: red },
    { header: 'name', shortAt: 3, short: shortName, shortHeader: 'name', style: red },
    { header: 'age', shortAt: 1, short: shortAge, shortHeader: 'age', style: red },
    { header: 'turns two', drop: 2, style: red },
    { header: 'flags', wrap: true, style: red },
    { header: 'next date', style: red },
  ];
}
