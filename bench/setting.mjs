// The setting every bench sets up first, as `twocheck setup` takes it by flags.
export const SETUP = [
  'setup',
  '--name',
  'Little Acorns Nursery',
  '--address',
  '1 Church Street, Leek',
  '--postcode',
  'ST13 5AA',
  '--phone',
  '01538 000111',
  '--manager',
  'Jo Bloggs',
];
