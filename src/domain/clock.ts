import { type CalendarDate, daysBetween, londonDate, ymd } from './calendar.js';

// Made on first use: building a time-zone formatter costs start-up time that most runs never need.
let londonFormat: Intl.DateTimeFormat | undefined;

/**
 * "2026-11-20 14:05": an instant as a clock on a wall in England shows it (GMT or BST as the
 * day is), for telling a person when something was saved; the store keeps instants in UTC.
 */
export function londonDateTime(instant: Date): string {
  londonFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(londonFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * The instant to record when a run replays another day (`--today`): the real time of day, on
 * that day in England, so a letter written while replaying 20 November is stamped 20 November.
 * Where moving by whole days lands on another date (a clock change near midnight), noon.
 */
export function instantOnDay(day: CalendarDate, real: Date): Date {
  const moved = new Date(real.getTime() + daysBetween(londonDate(real), day) * 86_400_000);
  if (londonDate(moved) === day) return moved;
  const { year, month, day: d } = ymd(day);
  return new Date(Date.UTC(year, month - 1, d, 12));
}

/**
 * The instant a clock in England shows `time` ("HH:MM") on `day`: GMT in winter, BST in summer.
 * A time the clocks skip (01:30 on the last Sunday in March) is read as an hour later.
 */
export function londonWallClock(day: CalendarDate, time: string): Date {
  const { year, month, day: d } = ymd(day);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, d, hour, minute);
  // England is UTC or an hour ahead: of the two readings, the one whose London clock shows `time`
  for (const offset of [0, 1]) {
    const instant = new Date(asUtc - offset * 3_600_000);
    if (londonDateTime(instant) === `${day} ${time}`) return instant;
  }
  return new Date(asUtc);
}
