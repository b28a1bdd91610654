import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const NAME = 'twocheck';

/**
 * The user's own folders for data and configuration, by each system's convention: the XDG base
 * directories on Linux, Application Support and Preferences on macOS, AppData on Windows.
 * These few rules are written out rather than taken from a package because the one we used
 * imported `node:process` as an ES module, which makes Node copy every property of `process` at
 * start-up: a large share of what a short command such as `twocheck hub Leek` costs.
 */
export function userFolders(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): { data: string; config: string } {
  if (platform === 'darwin') {
    const library = join(home, 'Library');
    return { data: join(library, 'Application Support', NAME), config: join(library, 'Preferences', NAME) };
  }
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || join(home, 'AppData', 'Local');
    const roaming = env.APPDATA || join(home, 'AppData', 'Roaming');
    return { data: join(local, NAME, 'Data'), config: join(roaming, NAME, 'Config') };
  }
  // The XDG spec says a relative path in these variables is invalid and must be ignored.
  const xdg = (value: string | undefined, fallback: string): string => (value && isAbsolute(value) ? value : fallback);
  return {
    data: join(xdg(env.XDG_DATA_HOME, join(home, '.local', 'share')), NAME),
    config: join(xdg(env.XDG_CONFIG_HOME, join(home, '.config')), NAME),
  };
}

/** The default database: the user's data folder (~/.local/share/twocheck on Linux). */
export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(userFolders(env, process.platform, homedir()).data, 'twocheck.db');
}

/** Where `templates init` puts copies a manager can edit (~/.config/twocheck on Linux). */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TWOCHECK_CONFIG_DIR || userFolders(env, process.platform, homedir()).config;
}
