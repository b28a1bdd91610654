// Made on first use: building a time-zone formatter costs start-up time that most runs never need.
let londonFormat: Intl.DateTimeFormat | undefined;

/**
 * "2026-11-20 14:05": an instant as a clock on a wall in England shows it (GMT or BST as the
 * day is), for telling a person when something was saved; the store keeps instants in UTC.
 */
export function londonDateTime(instant: Date): string {
  londonFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const parts = Object.fromEntries(londonFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
