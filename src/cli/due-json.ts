import type { DueRow } from '../domain/due.js';

const q = JSON.stringify;

/**
 * One child of `due --json`: the same text as `JSON.stringify(row, null, 2)` indented by two
 * more spaces (an element of the printed array), written out for DueRow's fields in their order
 * rather than by walking the object, which is most of the cost of printing 100,000 children.
 * test/unit/due-json.test.ts holds it to JSON.stringify.
 */
export function dueRowJson(r: DueRow): string {
  const flags = r.flags.length === 0 ? '[]' : `[\n      ${r.flags.map((f) => q(f)).join(',\n      ')}\n    ]`;
  return (
    `  {\n    "ref": ${q(r.ref)},\n    "firstName": ${q(r.firstName)},\n    "lastName": ${q(r.lastName)},\n    "dob": ${q(r.dob)},` +
    `\n    "turnsTwo": ${q(r.turnsTwo)},\n    "ageMonths": ${q(r.ageMonths)},\n    "age": ${q(r.age)},\n    "flags": ${flags},` +
    `\n    "nextDate": ${q(r.nextDate)},\n    "checkLateFrom": ${q(r.checkLateFrom)},\n    "checkMissedFrom": ${q(r.checkMissedFrom)},` +
    `\n    "fundedFrom": ${q(r.fundedFrom)},\n    "room": ${q(r.room)},\n    "keyPerson": ${q(r.keyPerson)}\n  }`
  );
}
