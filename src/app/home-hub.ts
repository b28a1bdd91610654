import { type HomeAddress, type Hub, type HubAnswer, hubForHome } from '../domain/hub.js';
import { loadArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { getSetting } from '../store/setting.js';

/**
 * The Hub for a child's home, from the setting's area table, remembered per address so a long
 * list pays once for each home. An area table that cannot be read is an unsure answer: no
 * number is ever printed on a guess.
 */
export interface HomeHubs {
  /** the area's title, e.g. Staffordshire County, or the area's name when its table is missing */
  title: string;
  /** the area's Hubs; none when its table cannot be read */
  hubs: readonly Hub[];
  /** why the area's table cannot be read, or null when it can */
  failure: string | null;
  of(home: HomeAddress): HubAnswer;
}

export function homeHubs(db: Db): HomeHubs {
  const area = getSetting(db)?.area ?? 'staffordshire';
  let table: ReturnType<typeof loadArea> | null = null;
  let failure: string | null = null;
  try {
    table = loadArea(area);
  } catch (err) {
    failure = (err as Error).message;
  }
  const seen = new Map<string, HubAnswer>();
  const of = (home: HomeAddress): HubAnswer => {
    if (!table) return { kind: 'unsure', reason: failure ?? '', candidates: [], hubs: [] };
    const key = `${home.postcode ?? ''}\u0000${home.address ?? ''}`;
    let answer = seen.get(key);
    if (!answer) {
      answer = hubForHome(table, home);
      seen.set(key, answer);
    }
    return answer;
  };
  return { title: table?.title ?? area, hubs: table?.hubs ?? [], failure, of };
}
