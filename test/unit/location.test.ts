import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userFolders } from '../../src/store/location.js';

describe('the user folders for the database and editable templates', () => {
  it('follows the XDG base directories on Linux', () => {
    expect(userFolders({}, 'linux', '/home/jo')).toEqual({
      data: '/home/jo/.local/share/twocheck',
      config: '/home/jo/.config/twocheck',
    });
    expect(userFolders({ XDG_DATA_HOME: '/srv/data', XDG_CONFIG_HOME: '/etc/jo' }, 'linux', '/home/jo')).toEqual({
      data: '/srv/data/twocheck',
      config: '/etc/jo/twocheck',
    });
  });

  it('ignores a relative XDG folder, as the spec says, so the database never moves with the working folder', () => {
    expect(userFolders({ XDG_DATA_HOME: 'data', XDG_CONFIG_HOME: '' }, 'linux', '/home/jo')).toEqual({
      data: '/home/jo/.local/share/twocheck',
      config: '/home/jo/.config/twocheck',
    });
  });

  it('uses Application Support and Preferences on macOS', () => {
    expect(userFolders({ XDG_DATA_HOME: '/ignored' }, 'darwin', '/Users/jo')).toEqual({
      data: '/Users/jo/Library/Application Support/twocheck',
      config: '/Users/jo/Library/Preferences/twocheck',
    });
  });

  it('uses LOCALAPPDATA and APPDATA on Windows, with their usual places when unset', () => {
    const home = 'C:\\Users\\jo';
    expect(userFolders({ LOCALAPPDATA: 'D:\\Local', APPDATA: 'D:\\Roaming' }, 'win32', home)).toEqual({
      data: path.join('D:\\Local', 'twocheck', 'Data'),
      config: path.join('D:\\Roaming', 'twocheck', 'Config'),
    });
    expect(userFolders({}, 'win32', home)).toEqual({
      data: path.join(home, 'AppData', 'Local', 'twocheck', 'Data'),
      config: path.join(home, 'AppData', 'Roaming', 'twocheck', 'Config'),
    });
  });
});
