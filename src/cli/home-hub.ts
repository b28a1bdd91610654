import type { HubAnswer } from '../domain/hub.js';

/** One line for a person: the Hub and number, or why there is none. */
export function describeHomeHub(answer: HubAnswer): string {
  if (answer.kind === 'found') return `${answer.hub.name} ${answer.hub.phone} (${answer.locality})`;
  if (answer.kind === 'not-covered') return `none of this area's Hubs: ${answer.reason}`;
  return `cannot be determined: ${answer.reason}; fix the address (twocheck hub --child <ref> says more)`;
}
