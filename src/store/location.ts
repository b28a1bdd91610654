import path from 'node:path';
import envPaths from 'env-paths';

const paths = envPaths('twocheck', { suffix: '' });

/** The default database: the user's data folder (~/.local/share/twocheck on Linux). */
export function defaultDatabasePath(): string {
  return path.join(paths.data, 'twocheck.db');
}

/** Where `templates init` puts copies a manager can edit (~/.config/twocheck on Linux). */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TWOCHECK_CONFIG_DIR || paths.config;
}
