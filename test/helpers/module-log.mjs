// Loaded with `node --import ./test/helpers/module-log.mjs`: records every module the program
// resolves into the file named by TWOCHECK_MODULE_LOG, so a test can prove what start-up loads.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url);
