/**
 * The values a letter's placeholders print, from the setting, the child and the Hub answer.
 * No pdfkit here: the check and group invitations reuse it.
 */
import { type CalendarDate, formatLongDate } from '../domain/calendar.js';
import { secondBirthday } from '../domain/age.js';
import { serviceFor } from '../domain/consent.js';
import type { HubAnswer } from '../domain/hub.js';
import { reviewWhen } from '../domain/timing.js';
import type { Child } from '../store/children.js';
import type { Setting } from '../store/setting.js';
import type { Fields } from './template.js';

export function parentNames(child: Pick<Child, 'parentName' | 'parent2Name'>): string {
  const names = [child.parentName, child.parent2Name].filter((n): n is string => !!n && n.trim() !== '');
  return names.length > 0 ? names.join(' and ') : 'Parent or carer';
}

/** `language` is the template's: its dates are written the way that language writes them. */
export function letterFields(setting: Setting, child: Child, hub: HubAnswer | null, today: CalendarDate, language = 'en'): Fields {
  const found = hub?.kind === 'found' ? hub.hub : null;
  const keyPerson = child.keyPerson?.trim() || null;
  return {
    'child.first_name': child.firstName,
    'child.last_name': child.lastName,
    'child.full_name': `${child.firstName} ${child.lastName}`,
    'child.ref': child.ref,
    'child.dob': formatLongDate(child.dob, language),
    turns_two_on: formatLongDate(secondBirthday(child.dob), language),
    'parent.name': parentNames(child),
    'parent.address': [child.address, child.postcode].filter(Boolean).join(', '),
    key_person: keyPerson ?? "your child's key person",
    'key_person.known': keyPerson !== null,
    funded: child.funded === true,
    already_two: secondBirthday(child.dob) <= today,
    today: formatLongDate(today, language),
    'setting.name': setting.name,
    'setting.address': [setting.address, setting.postcode].filter(Boolean).join(', '),
    'setting.phone': setting.phone ?? '',
    'setting.email': setting.email ?? '',
    'setting.manager': setting.manager ?? '',
    review_when: reviewWhen(child.dob, today, child.firstName, language),
    'hub.found': found !== null,
    'hub.not_covered': hub?.kind === 'not-covered',
    health_service: healthService(hub, language),
    'hub.name': found?.name ?? '',
    'hub.phone': found?.phone ?? '',
  };
}

/** Settings and rosters type an address with commas between lines. */
export function splitAddress(address: string | null): string[] {
  return (address ?? '')
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The block a window envelope shows: the parents' names, the address lines, the postcode. */
export function recipientOf(child: Child): { name: string; lines: string[] } {
  return { name: parentNames(child), lines: [...splitAddress(child.address), ...(child.postcode ? [child.postcode] : [])] };
}

/** The service a family contacts: the Hub, the service that covers a home outside the Hubs, or a plain description. */
export function healthService(hub: HubAnswer | null, language = 'en'): string {
  if (hub?.kind === 'found') return hub.hub.name;
  const named = hub ? serviceFor(hub) : null;
  if (named) return named;
  return language === 'pl' ? 'służba wizytatorów zdrowia (0–19) dla Państwa okolicy' : 'the health visiting (0–19) service for your area';
}
