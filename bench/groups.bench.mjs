// How long planning takes for a large roster: node bench/groups.bench.mjs (after a build).
import { addDays } from '../dist/domain/calendar.js';
import { planGroups } from '../dist/domain/groups.js';

const sizes = [100, 1000, 5000];
for (const n of sizes) {
  const children = Array.from({ length: n }, (_, i) => ({
    ref: String(i).padStart(5, '0'),
    name: `Child ${i}`,
    dob: addDays('2024-01-01', (i * 37) % 900),
    family: i % 10 === 0 ? `F${Math.floor(i / 20)}` : null,
    room: ['Acorns', 'Oaks', 'Willows'][i % 3],
    keyPerson: null,
  }));
  const options = { from: '2026-09-01', to: '2026-12-31', size: 6, spread: 3, by: 'room', minutesSaved: 10 };
  const start = performance.now();
  const plan = planGroups(children, options);
  const ms = performance.now() - start;
  console.log(
    `${String(n).padStart(5)} children: ${plan.due} due, ${plan.sessions.length} sessions, ${plan.unplaced.length} not placed, ${ms.toFixed(1)} ms`,
  );
}
