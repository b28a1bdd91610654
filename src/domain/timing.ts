/**
 * When the Health and Development Review is, said truly for one child on one day. The review is
 * usually between two and two and a half; a child already past that is not told "between two and
 * two and a half", only to ask for the review if it has not happened. Between two and two and a
 * half the words follow the time left: "the next few months" only while two months or more are
 * left, "the next few weeks" after that, and in the last fortnight that the child is nearly two
 * and a half.
 */
import { ageInMonths, monthAnniversary } from './age.js';
import { type CalendarDate, daysBetween } from './calendar.js';

export const REVIEW_STAGES = ['before', 'due', 'weeks', 'days', 'late', 'past'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** The last fortnight before two and a half is "nearly" two and a half. */
const NEARLY_DAYS = 14;

/**
 * before: under two; due: 24–27 months; weeks: 28–29 months, more than a fortnight before two
 * and a half; days: the last fortnight; late: 30–35 months; past: three or over.
 */
export function reviewStage(dob: CalendarDate, on: CalendarDate): ReviewStage {
  const months = ageInMonths(dob, on);
  if (months < 24) return 'before';
  if (months < 28) return 'due';
  if (months < 30) return daysBetween(on, monthAnniversary(dob, 30)) > NEARLY_DAYS ? 'weeks' : 'days';
  if (months < 36) return 'late';
  return 'past';
}

/**
 * The words after "the review …" in each language a letter is written in. English may use the
 * child's name; Polish never does, so no name has to be inflected.
 */
const WORDS: Record<string, Record<ReviewStage, string>> = {
  en: {
    before: 'when {child} is between two and two and a half',
    due: 'in the next few months, before {child} is two and a half',
    weeks: 'in the next few weeks, before {child} is two and a half',
    days: 'now, as {child} is nearly two and a half (ask the health visiting team if it is not booked yet)',
    late: 'as soon as it can be arranged, if {child} has not had it yet',
    past: 'if {child} has not had it yet: the health visiting team can still see {child}',
  },
  pl: {
    before: 'gdy dziecko będzie miało od dwóch do dwóch i pół roku',
    due: 'w najbliższych miesiącach, zanim dziecko skończy dwa i pół roku',
    weeks: 'w najbliższych tygodniach, zanim dziecko skończy dwa i pół roku',
    days: 'już teraz, bo dziecko wkrótce skończy dwa i pół roku (jeśli termin nie jest jeszcze ustalony, prosimy zapytać zespół wizytatorów zdrowia)',
    late: 'jak najszybciej, jeśli dziecko jeszcze go nie miało',
    past: 'jeśli dziecko jeszcze go nie miało: wizytator zdrowia nadal może je zobaczyć',
  },
};

export function reviewWhen(dob: CalendarDate, on: CalendarDate, firstName: string, language = 'en'): string {
  const words = WORDS[language] ?? WORDS.en!;
  return words[reviewStage(dob, on)].replaceAll('{child}', firstName);
}
