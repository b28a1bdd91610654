/**
 * Draws the Progress Check at two: the setting's copy and the parents' copy are the same
 * document. Wording comes from the editable layout; facts from the check and the roster.
 */
import { ageInMonths, describeAge } from '../domain/age.js';
import { type CalendarDate, formatLongDate } from '../domain/calendar.js';
import { type ConsentAnswer, serviceFor } from '../domain/consent.js';
import type { HubAnswer } from '../domain/hub.js';
import { reviewWhen } from '../domain/timing.js';
import { PRIME_AREAS, PRIME_AREA_TITLES, type ProgressCheck, SPECIFIC_AREAS, SPECIFIC_AREA_TITLES } from '../domain/progress-check.js';
import type { Child } from '../store/children.js';
import type { Setting } from '../store/setting.js';
import { type CheckLayout, fill } from './check-layout.js';
import { parentNames } from './fields.js';
import { typographic } from './names.js';
import { drawLetterhead } from './letterhead.js';
import { A4_MARGIN, type Pdf, createPdf, finishPdf, numbersUnbroken } from './pdf.js';
import { artifact, tagged } from './structure.js';

export interface CheckDocument {
  setting: Setting;
  child: Child;
  check: ProgressCheck;
  version: number;
  amendReason: string | null;
  hub: HubAnswer;
  /** the consent to share with health as it stands when the PDF is made */
  consent: ConsentAnswer;
  layout: CheckLayout;
  createdAt?: Date;
}

const INK = '#000000';
const SOFT = '#555555';
const BOX = '#eef4fa';

export async function renderCheckPdf(input: CheckDocument): Promise<Buffer> {
  const { setting, child, check, layout: L } = input;
  const childName = `${child.firstName} ${child.lastName}`;
  const values = { child: child.firstName, setting: setting.name };
  const doc = createPdf({
    title: `${L.title}: ${childName}`,
    author: setting.name,
    subject: L.title,
    createdAt: input.createdAt,
  });
  // Leave room at the foot of every page for the footer drawn at the end.
  doc.page.margins.bottom = A4_MARGIN + 14;
  doc.on('pageAdded', () => {
    doc.page.margins.bottom = A4_MARGIN + 14;
  });
  const width = doc.page.width - 2 * A4_MARGIN;

  const head = drawLetterhead(doc, setting);
  doc.text('', A4_MARGIN, head.bottom + 14);
  tagged(doc, 'H1', () => doc.font('bold').fontSize(18).fillColor(INK).text(L.title));
  const intro = check.parents_comments ? L.intro_with_parents : L.intro;
  tagged(doc, 'P', () =>
    doc
      .moveDown(0.3)
      .font('regular')
      .fillColor(INK)
      .fontSize(10)
      .text(typographic(fill(intro, values))),
  );
  if (input.amendReason)
    tagged(doc, 'P', () =>
      doc
        .moveDown(0.3)
        .font('italic')
        .text(fill(L.labels.amended, { reason: input.amendReason! }))
        .font('regular'),
    );

  heading(doc, L.headings.about);
  const months = ageInMonths(child.dob, check.completed_on);
  const facts: [string, string | null][] = [
    [L.labels.child, childName],
    [L.labels.dob, formatLongDate(child.dob)],
    [L.labels.age, `${months} months (${describeAge(months)})`],
    [L.labels.completed_on, formatLongDate(check.completed_on)],
    [L.labels.practitioner, check.practitioner],
    [L.labels.key_person, check.key_person],
    [L.labels.home_language, check.home_language],
    [L.labels.agreed_with_parents_on, check.agreed_with_parents_on ? formatLongDate(check.agreed_with_parents_on) : null],
    [L.labels.version, input.version > 1 ? String(input.version) : null],
  ];
  for (const [label, value] of facts) {
    if (!value) continue;
    tagged(doc, 'P', () => {
      const y = doc.y;
      doc.font('bold').text(label, A4_MARGIN, y, { width: 150 });
      const after = doc.y;
      doc.font('regular').text(value, A4_MARGIN + 155, y, { width: width - 155 });
      doc.y = Math.max(after, doc.y);
    });
  }
  doc.x = A4_MARGIN;

  heading(doc, L.headings.prime_areas);
  for (const area of PRIME_AREAS) {
    const entry = check.areas[area];
    keepTogether(doc, 120);
    tagged(doc, 'H3', () => doc.font('bold').fontSize(12).text(PRIME_AREA_TITLES[area]).fontSize(10).moveDown(0.2));
    field(doc, L.labels.strengths, entry.strengths);
    field(doc, L.labels.progress, entry.progress === 'expected' ? L.labels.progress_expected : L.labels.progress_less);
    if (entry.concerns) field(doc, L.labels.concerns, entry.concerns);
    field(doc, L.labels.next_steps, entry.next_steps);
    doc.moveDown(0.4);
  }

  // Page 1 is filled before a page is begun: the notes on the specific areas stay on it when they
  // fit, and the parents' part (their comments through to the signatures and the box for them)
  // moves to the next page as a whole rather than leave the signatures alone on a page.
  const specific = SPECIFIC_AREAS.filter((a) => check.specific_areas[a]);
  if (specific.length > 0) {
    wholeOrFlowing(doc, (d) => {
      heading(d, L.headings.specific_areas);
      for (const a of specific) field(d, SPECIFIC_AREA_TITLES[a], check.specific_areas[a] ?? '');
    });
  }
  const parentsPart = (d: Pdf) => {
    // Only what is recorded is printed: an empty heading would say something was asked and not answered.
    paragraph(d, L.headings.parents_comments, check.parents_comments);
    paragraph(d, L.headings.child_voice, check.child_voice);
    if (check.home_language_explored) {
      heading(d, L.headings.home_language);
      if (check.home_language) field(d, L.labels.home_language, check.home_language);
      field(d, L.labels.language_explored, check.home_language_explored);
    }
    paragraph(d, L.headings.learning_at_home, check.learning_at_home);
    if (check.additional_needs || check.plan_agreed) {
      heading(d, L.headings.additional_needs);
      if (check.additional_needs) field(d, L.labels.additional_needs, check.additional_needs);
      if (check.plan_agreed) field(d, L.labels.plan_agreed, check.plan_agreed);
    }
    if (check.other_professionals || check.targeted_plan) {
      heading(d, L.headings.other_professionals);
      if (check.other_professionals) field(d, L.labels.other_professionals, check.other_professionals);
      if (check.targeted_plan) field(d, L.labels.targeted_plan, check.targeted_plan);
    }
    paragraph(d, L.headings.parents_health_summary, check.parents_health_summary);
    paragraph(d, L.headings.sharing, consentSentence(input));
    // longer than a page, the part flows; its end (signatures and the box) still keeps together
    wholeOrFlowing(d, (e) => {
      signatures(e, L, width);
      parentsBox(e, input, width);
    });
  };
  wholeOrFlowing(doc, parentsPart);
  footers(doc, childName);
  return finishPdf(doc);
}

/**
 * Draws `part` where the page stands when it fits there; else on a new page when it fits on one;
 * else from here, flowing over pages.
 */
function wholeOrFlowing(doc: Pdf, part: (d: Pdf) => void): void {
  const needed = heightOf(doc, part);
  const room = doc.page.height - doc.page.margins.bottom - doc.y;
  if (needed > room && Number.isFinite(needed)) doc.addPage();
  part(doc);
}

/** How tall `part` is when drawn from the top of a page like this one, or Infinity when it needs more than a page. */
function heightOf(doc: Pdf, part: (d: Pdf) => void): number {
  const scratch = createPdf({ title: '', author: '' });
  scratch.page.margins.bottom = doc.page.margins.bottom;
  let pages = 0;
  scratch.on('pageAdded', () => {
    pages += 1;
  });
  const top = scratch.page.margins.top;
  scratch.font('regular').fontSize(10).fillColor(INK);
  scratch.x = A4_MARGIN;
  scratch.y = top;
  part(scratch);
  return pages > 0 ? Infinity : scratch.y - top;
}

function signatures(doc: Pdf, L: CheckLayout, width: number): void {
  heading(doc, L.headings.signatures);
  for (const who of [L.labels.practitioner_signature, L.labels.parent_signature]) {
    doc.moveDown(1.2);
    const y = doc.y;
    tagged(doc, 'P', () => {
      doc.font('regular').text(`${who}:`, A4_MARGIN, y);
      doc.text(`${L.labels.date}:`, A4_MARGIN + 345, y);
    });
    // the lines to sign on are for a pen, not for a reader
    artifact(doc, () => {
      doc
        .moveTo(A4_MARGIN + 110, y + 11)
        .lineTo(A4_MARGIN + 330, y + 11)
        .stroke(SOFT);
      doc
        .moveTo(A4_MARGIN + 385, y + 11)
        .lineTo(A4_MARGIN + width, y + 11)
        .stroke(SOFT);
    });
    doc.x = A4_MARGIN;
  }
}

function heading(doc: Pdf, text: string): void {
  keepTogether(doc, 60);
  doc.x = A4_MARGIN;
  tagged(doc, 'H2', () => doc.moveDown(0.8).font('bold').fontSize(13).fillColor(INK).text(text).fontSize(10).moveDown(0.3));
}

function paragraph(doc: Pdf, title: string, text: string | null): void {
  if (!text) return;
  heading(doc, title);
  tagged(doc, 'P', () => doc.font('regular').text(typographic(text)));
}

function consentSentence(input: CheckDocument): string {
  const { consent, layout: L } = input;
  const setting = input.setting.name;
  if (consent.ok) {
    return fill(L.consent.given, { parents: consent.givenBy ?? parentNames(input.child), date: formatLongDate(consent.since), setting });
  }
  if (consent.missing === 'withdrawn') return fill(L.consent.withdrawn, { date: formatLongDate(consent.since as CalendarDate), setting });
  return fill(L.consent.none, { setting });
}

function field(doc: Pdf, label: string, value: string): void {
  tagged(doc, 'P', () => doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(typographic(value)).moveDown(0.2));
}

/** Starts a new page rather than leave a heading alone at the foot of one. */
function keepTogether(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function hubSentence(input: CheckDocument): string {
  const child = input.child.firstName;
  // Never print a number the lookup is not sure of: a wrong number is worse than none.
  if (input.hub.kind === 'found') {
    return fill(input.layout.hub_found, { child, hub_name: input.hub.hub.name, hub_phone: input.hub.hub.phone });
  }
  const service = serviceFor(input.hub);
  if (service) return fill(input.layout.hub_not_covered, { child, service });
  return fill(input.layout.hub_unknown, { child });
}

function parentsBox(doc: Pdf, input: CheckDocument, width: number): void {
  const L = input.layout;
  const values = {
    child: input.child.firstName,
    setting: input.setting.name,
    hub: hubSentence(input),
    review_when: reviewWhen(input.child.dob, input.check.completed_on, input.child.firstName),
  };
  // the layout and the Hub data are edited by people with straight quotes ("Council's")
  const paragraphs = L.parents_box.map((p) => numbersUnbroken(typographic(fill(p, values))));
  const pad = 10;
  doc.font('regular').fontSize(10);
  const textHeight = paragraphs.reduce((h, p) => h + doc.heightOfString(p, { width: width - 2 * pad }) + 6, 0);
  const boxHeight = textHeight + 2 * pad + 20;
  doc.moveDown(1.5);
  keepTogether(doc, boxHeight + 10);
  const top = doc.y;
  artifact(doc, () => doc.rect(A4_MARGIN, top, width, boxHeight).fillAndStroke(BOX, '#7a9cc6'));
  tagged(doc, 'H2', () =>
    doc
      .fillColor(INK)
      .font('bold')
      .fontSize(12)
      .text(L.headings.parents_box, A4_MARGIN + pad, top + pad, { width: width - 2 * pad }),
  );
  doc.font('regular').fontSize(10);
  for (const p of paragraphs) tagged(doc, 'P', () => doc.text(p, { width: width - 2 * pad }).moveDown(0.3));
  doc.x = A4_MARGIN;
  doc.y = top + boxHeight;
}

function footers(doc: Pdf, childName: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    const y = doc.page.height - A4_MARGIN + 4;
    const width = doc.page.width - 2 * A4_MARGIN;
    artifact(
      doc,
      () => {
        doc.font('regular').fontSize(8).fillColor(SOFT);
        doc.text(`Progress Check: ${childName}`, A4_MARGIN, y, { width, align: 'left', lineBreak: false });
        doc.text(`Page ${i - range.start + 1} of ${range.count}`, A4_MARGIN, y, { width, align: 'right', lineBreak: false });
      },
      'Pagination',
    );
    doc.page.margins.bottom = bottom;
  }
}
