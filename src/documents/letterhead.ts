/**
 * The setting's letterhead: logo, name, address and phone, and a rule under them. Letters and
 * the Progress Check carry the same one, so a parent knows both come from the setting.
 */
import fs from 'node:fs';
import type { Setting } from '../store/setting.js';
import { splitAddress } from './fields.js';
import { A4_MARGIN, type Pdf } from './pdf.js';
import { artifact, tagged } from './structure.js';

export const ACCENT = '#2f5d62';
const SOFT = '#555555';

/** Draws at the top of the current page; returns where the text below may start, and any problem. */
export function drawLetterhead(doc: Pdf, setting: Setting): { bottom: number; problems: string[] } {
  const problems: string[] = [];
  const left = A4_MARGIN;
  const width = doc.page.width - 2 * A4_MARGIN;
  const top = A4_MARGIN;
  let textWidth = width;
  if (setting.logo) {
    try {
      const logo = fs.readFileSync(setting.logo);
      tagged(doc, 'Figure', () => doc.image(logo, left + width - 110, top, { fit: [110, 60], align: 'right' }), {
        alt: `${setting.name} logo`,
      });
      textWidth = width - 120;
    } catch (error) {
      problems.push(`the logo ${setting.logo} could not be drawn: ${(error as Error).message}`);
    }
  }
  tagged(doc, 'P', () => doc.fillColor(ACCENT).font('bold').fontSize(17).text(setting.name, left, top, { width: textWidth }));
  const addressLines = [...splitAddress(setting.address), setting.postcode].filter((l): l is string => !!l);
  const contact = [setting.phone && `Phone ${setting.phone}`, setting.email].filter(Boolean).join(' · ');
  tagged(doc, 'P', () => {
    doc.fillColor(SOFT).font('regular').fontSize(9).moveDown(0.2).text(addressLines.join(' · '), { width: textWidth });
    if (contact) doc.text(contact, { width: textWidth });
  });
  // the rule sits under the logo even where the logo could not be read, so both layouts match
  const ruleY = Math.max(doc.y, setting.logo ? top + 62 : 0) + 8;
  artifact(doc, () =>
    doc
      .moveTo(left, ruleY)
      .lineTo(left + width, ruleY)
      .lineWidth(1)
      .strokeColor(ACCENT)
      .stroke(),
  );
  return { bottom: ruleY, problems };
}
