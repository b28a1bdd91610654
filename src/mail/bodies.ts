/**
 * The short plain-text words around each attachment. The letter itself is in the PDF; the
 * email says only what it is and how to reach the setting, in the letter's language. No child's
 * name goes in a subject line: subjects show in notifications and on lock screens.
 */

export interface SettingWords {
  name: string;
  phone: string | null;
  email: string;
  manager: string | null;
}

interface Words {
  subject: (s: SettingWords) => string;
  body: (s: SettingWords, child: string) => string;
}

const contact = (s: SettingWords, phone: (p: string) => string): string => (s.phone ? phone(s.phone) : '');

const PARENT_LETTER: Record<string, Words> = {
  en: {
    subject: (s) => `Your child's Progress Check at two: a letter from ${s.name}`,
    body: (s, child) =>
      [
        'Dear parent or carer,',
        '',
        `Please find attached a letter from ${s.name} about ${child}'s Progress Check at age two.`,
        'It explains what the check is, how we will share it with you, and the health review that follows.',
        '',
        `If you have any questions, reply to this email${contact(s, (p) => ` or phone us on ${p}`)}.`,
        '',
        'With best wishes,',
        ...(s.manager ? [s.manager] : []),
        s.name,
      ].join('\n'),
  },
  pl: {
    subject: (s) => `Ocena postępów dziecka w wieku dwóch lat: list od ${s.name}`,
    body: (s, child) =>
      [
        'Szanowni Państwo,',
        '',
        `w załączniku przesyłamy list od ${s.name} dotyczący Oceny postępów w wieku dwóch lat (${child}).`,
        'List wyjaśnia, czym jest ocena, jak się nią z Państwem podzielimy i jaki przegląd zdrowia nastąpi potem.',
        '',
        `W razie pytań prosimy odpowiedzieć na tę wiadomość${contact(s, (p) => ` lub zadzwonić pod numer ${p}`)}.`,
        '',
        'Z wyrazami szacunku',
        ...(s.manager ? [s.manager] : []),
        s.name,
      ].join('\n'),
  },
};

/** The language of a letter, from its template's file name: parent-letter.pl.md is Polish. */
export function letterLanguage(template: string): string {
  const m = /\.([a-z]{2,3})\.md$/i.exec(template);
  return m ? (m[1] as string).toLowerCase() : 'en';
}

/** Words in the letter's language, English when there are none in it yet. */
export function parentLetterEmail(
  language: string,
  setting: SettingWords,
  childFirstName: string,
): { subject: string; text: string; language: string } {
  const lang = PARENT_LETTER[language] ? language : 'en';
  const words = PARENT_LETTER[lang] as Words;
  return { subject: words.subject(setting), text: tidy(words.body(setting, childFirstName)), language: lang };
}

export function checkShareEmail(
  setting: SettingWords,
  a: { child: string; dob: string; completedOn: string | null; practitioner: string | null; version: number; consentOn: string | null },
): { subject: string; text: string } {
  return {
    subject: `Progress Check at age two from ${setting.name}`,
    text: tidy(
      [
        'Dear health visiting team,',
        '',
        `Please find attached the Progress Check at age two for ${a.child}, born ${a.dob}` +
          `${a.completedOn ? `, completed on ${a.completedOn}` : ''}${a.practitioner ? ` by ${a.practitioner}` : ''} (version ${a.version}).`,
        a.consentOn
          ? `We share it with the consent of the child's parents, recorded on ${a.consentOn}, for the Integrated Review.`
          : "We share it without the consent of the child's parents, for safeguarding; the decision and its reason are on our record.",
        '',
        `To reach us, reply to this email${contact(setting, (p) => ` or phone ${p}`)}.`,
        '',
        ...(setting.manager ? [setting.manager] : []),
        setting.name,
      ].join('\n'),
    ),
  };
}

export function reminderEmail(setting: { name: string } | null, today: string, summary: string): { subject: string; text: string } {
  return { subject: `twocheck: what needs doing on ${today}${setting ? ` at ${setting.name}` : ''}`, text: summary };
}

function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '')}\n`;
}
