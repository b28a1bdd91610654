import { addDays, type CalendarDate, parseIsoDate } from '../../src/domain/calendar.js';

const FIRST = ['Amelia-Rose', 'Oliver', 'Isla', 'Muhammad', 'Freya', 'Theodore', 'Ava', 'Jack', 'Evie-Mae', 'Noah', 'Maximilian', 'Lily'];
const LAST = [
  'Featherstonehaugh-Smythe',
  'Brown',
  'Okonkwo',
  'Wilson-Jones',
  'Patel',
  'Nowak',
  'Taylor',
  'MacDonald',
  'Ó Súilleabháin',
  'Khan',
];
const ROOMS = ['Caterpillars', 'Butterflies', 'Little Owls'];
const KEY = ['Sam Carter', 'Priya Sharma', 'Alexandra Montgomery-Wright'];

/**
 * A roster of `count` synthetic children (names made up, long and hyphenated on purpose), born
 * over the fourteen months up to `today` less twenty-two months, so every flag turns up.
 */
export function bigRoster(count: number, today: string): string {
  const base = parseIsoDate(today) as CalendarDate;
  const lines = ['ref,first_name,last_name,dob,address,postcode,key_person,room'];
  for (let i = 0; i < count; i += 1) {
    const dob = addDays(base, -(670 + ((i * 37) % 430)));
    const [y, m, d] = dob.split('-');
    lines.push(
      [
        `C${String(i + 1).padStart(4, '0')}`,
        FIRST[i % FIRST.length],
        LAST[(i * 7) % LAST.length],
        `${d}/${m}/${y}`,
        `"${i + 1} Church Street, Leek"`,
        'ST13 5AA',
        KEY[i % KEY.length],
        ROOMS[i % ROOMS.length],
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
