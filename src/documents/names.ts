/** File names from people's names; no pdfkit, so commands can plan files before drawing. */

/**
 * A file name made from a child's name that cannot leave its folder or upset any file system:
 * letters, digits and `-` only (accents folded), never empty, never `.` or `..`, never a
 * reserved device name such as CON or NUL.
 */
/** Letters that Unicode does not decompose into a base letter and an accent. */
const FOLDED: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ß: 'ss',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  Þ: 'Th',
  þ: 'th',
  Ð: 'D',
  ð: 'd',
  ı: 'i',
};

export function safeFileName(...parts: string[]): string {
  const joined = parts
    .map((part) =>
      part
        .replace(/[ŁłØøĐđĦħßÆæŒœÞþÐðı]/g, (ch) => FOLDED[ch] ?? ch)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter((part) => part !== '')
    .join('-')
    .slice(0, 100);
  if (joined === '') return 'unnamed';
  // Windows keeps these names for devices, whatever the extension.
  return /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i.test(joined) ? `file-${joined}` : joined;
}

/**
 * Straight quotes typed on a keyboard as a printer sets them: an apostrophe inside a word
 * (parents’), and opening and closing quotes by where they stand (“more milk”).
 */
export function typographic(text: string): string {
  return text
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2')
    .replace(/(^|[\s([{\u2014\u2013-])"/gu, '$1“')
    .replace(/"/g, '”')
    .replace(/(^|[\s([{\u2014\u2013-])'/gu, '$1‘')
    .replace(/'/g, '’');
}
