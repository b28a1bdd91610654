import type { Command } from 'commander';
import { register as check } from './check.js';
import { register as child } from './child.js';
import { register as children } from './children.js';
import { register as concern } from './concern.js';
import { register as consent } from './consent.js';
import { register as due } from './due.js';
import { register as exportCommand } from './export.js';
import { register as forget } from './forget.js';
import { register as groups } from './groups.js';
import { register as hub } from './hub.js';
import { register as importCommand } from './import.js';
import { register as letters } from './letters.js';
import { register as remind } from './remind.js';
import { register as setup } from './setup.js';
import { register as templates } from './templates.js';

/**
 * Every command, in the order `--help` lists them. Each module registers its options only;
 * the heavy libraries it needs (pdfkit, inquirer) are imported inside its action.
 */
export const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  setup, importCommand, children, child, due, remind, hub, letters, consent, check, concern, groups,
  exportCommand, forget, templates,
];
