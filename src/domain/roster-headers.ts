/**
 * Which column is which field, from the header rows of the exports settings really use (see
 * the README's import section and test/fixtures/rosters/README.md for the layouts and their
 * sources). Pure: header names in, a layout and the reasons for it out.
 */

/** Headers are compared without case, spaces or punctuation: "D.O.B" = "dob", "Child’s" = "Child's". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** A field of the roster, and the part of it one column holds. */
export type Part =
  | { field: 'ref' }
  | { field: 'first_name' }
  | { field: 'last_name' }
  | { field: 'full_name' }
  | { field: 'dob' }
  | { field: 'postcode' }
  | { field: 'key_person' }
  | { field: 'room' }
  | { field: 'language' }
  | { field: 'family' }
  | { field: 'start_date' }
  | { field: 'address'; line: AddressLine }
  | { field: 'parent_name' | 'parent2_name'; name: 'whole' | 'first' | 'last' }
  | { field: 'parent_email' }
  | { field: 'parent_phone' }
  | { field: 'parent_contact' }
  | { field: 'funded'; funding: FundingPart };

export type AddressLine = 'whole' | 'house' | 'line1' | 'line2' | 'line3' | 'town' | 'county';
export const ADDRESS_ORDER: readonly AddressLine[] = ['house', 'line1', 'line2', 'line3', 'town', 'county'];
export type FundingPart = 'funded' | 'type' | 'basis' | 'hours' | 'code';

export type Recognised = { part: Part; rank: number } | { ignore: string } | null;

const ID_OWN = [
  'ref',
  'reference',
  'childref',
  'childreference',
  'childid',
  'id',
  'childno',
  'childnumber',
  'internalcode',
  'internalref',
  'internalreference',
  'internalid',
  'admissionnumber',
  'admissionno',
  'adno',
  'pupilreference',
  'pupilref',
  'pupilid',
  'studentid',
  'urn',
  'childurn',
  'uniquereference',
  'misid',
  'systemid',
  'externalid',
  'childcode',
];
const ID_UPN = ['upn', 'uniquepupilnumber', 'pupilupn', 'childupn'];
const NOT_AN_ID = [
  'timestamp',
  'submitted',
  'submittedat',
  'submittedon',
  'submissiondate',
  'datesubmitted',
  'createdat',
  'created',
  'datecreated',
  'lastmodified',
  'updatedat',
  'completiontime',
  'starttime',
  'row',
  'rowno',
  'rownumber',
  'rowid',
  'no',
  'number',
  'line',
  'lineno',
  'index',
  'sn',
  'serialno',
  'count',
  '',
];

const PREFIX_CHILD = ['childs', 'child', 'pupils', 'pupil', 'students', 'student', 'learners', 'learner'];
const PREFIX_PARENT2 = [
  'secondparentcarer',
  'secondparent',
  'secondcarer',
  'secondcontact',
  'parentcarer2',
  'parent2',
  'carer2',
  'contact2',
  'secondarycontact',
  'otherparent',
  'partners',
  'partner',
];
const PREFIX_PARENT = [
  'primaryparentcarer',
  'primaryparent',
  'primarycarer',
  'primarycontact',
  'parentcarer1',
  'parentcarers',
  'parentcarer',
  'parentguardian',
  'parent1',
  'mainparent',
  'maincarer',
  'maincontact',
  'parents',
  'parent',
  'carer1',
  'carers',
  'carer',
  'guardians',
  'guardian',
  'contact1',
  'contact',
];

type Entry = [Part, number];
const P = <T extends Part>(part: T, rank = 1): Entry => [part, rank];

/** Child fields by the header's key, once a child prefix ("Child", "Child's", "Pupil") is taken off. */
const CHILD: Record<string, Entry | string> = {};
function child(keys: string[], entry: Entry | string): void {
  for (const k of keys) CHILD[k] = entry;
}
child(
  [
    'firstname',
    'forename',
    'forenames',
    'givenname',
    'givennames',
    'firstnames',
    'legalfirstname',
    'legalforename',
    'legalforenames',
    'officialfirstname',
  ],
  P({ field: 'first_name' }),
);
child(['lastname', 'surname', 'familyname', 'legalsurname', 'legallastname', 'officialsurname', 'lastnames'], P({ field: 'last_name' }));
child(['name', 'fullname', 'names', 'legalname', 'fullnames'], P({ field: 'full_name' }));
child(
  [
    'preferredname',
    'preferredforename',
    'preferredfirstname',
    'knownas',
    'nickname',
    'preferredsurname',
    'preferredlastname',
    'preferredfullname',
  ],
  'a preferred name: the legal name is kept, as the Progress Check needs it',
);
child(['middlename', 'middlenames', 'othernames'], 'middle names are not kept');
child(['dob', 'dateofbirth', 'birthdate', 'birthday', 'born', 'dateborn', 'bday', 'birth'], P({ field: 'dob' }));
child(['address', 'homeaddress', 'fulladdress', 'addressline', 'residentialaddress'], P({ field: 'address', line: 'whole' }));
child(
  [
    'houseno',
    'housenumber',
    'addresshouseno',
    'addresshousenumber',
    'housenameornumber',
    'housenumberorname',
    'housename',
    'buildingnumber',
    'flatnumber',
  ],
  P({ field: 'address', line: 'house' }),
);
child(
  ['addressline1', 'address1', 'line1', 'street', 'streetaddress', 'addressstreet', 'homeaddressline1'],
  P({ field: 'address', line: 'line1' }),
);
child(['addressline2', 'address2', 'line2', 'homeaddressline2'], P({ field: 'address', line: 'line2' }));
child(['addressline3', 'address3', 'line3', 'locality', 'homeaddressline3'], P({ field: 'address', line: 'line3' }));
child(['town', 'city', 'towncity', 'posttown', 'addresstown', 'addresscity'], P({ field: 'address', line: 'town' }));
child(['county', 'addresscounty'], P({ field: 'address', line: 'county' }));
child(['postcode', 'postalcode', 'zip', 'zipcode', 'homepostcode', 'addresspostcode', 'pcode'], P({ field: 'postcode' }));
child(
  [
    'room',
    'currentroom',
    'roomname',
    'class',
    'classname',
    'formtutorgroup',
    'tutorgroup',
    'form',
    'formgroup',
    'reggroup',
    'registrationgroup',
    'homeroom',
    'classroom',
  ],
  P({ field: 'room' }),
);
child(['group', 'groupname'], P({ field: 'room' }, 2));
child(['yeargroup', 'nurseryyear'], P({ field: 'room' }, 3));
child(['keyperson', 'keyworker', 'keypractitioner', 'keycarer', 'keypersonname', 'keyworkername'], P({ field: 'key_person' }));
child(
  ['language', 'homelanguage', 'firstlanguage', 'languagespoken', 'languagesspoken', 'mainlanguage', 'languageathome'],
  P({ field: 'language' }),
);
child(
  ['family', 'familyid', 'familyref', 'familyreference', 'familyno', 'household', 'siblinggroup', 'accountno', 'accountnumber'],
  P({ field: 'family' }),
);
child(['startdate', 'started', 'datestarted', 'firstday', 'firstdayatnursery', 'datestart'], P({ field: 'start_date' }));
child(
  [
    'enrolmentdate',
    'enrollmentdate',
    'dateofenrolment',
    'dateofenrollment',
    'admissiondate',
    'dateofadmission',
    'joined',
    'datejoined',
    'entrydate',
    'dateofentry',
  ],
  P({ field: 'start_date' }, 2),
);
child(
  [
    'funded',
    'funding',
    'fundedplace',
    'twoyearfunding',
    '2yearfunding',
    'funded2',
    'fundedtwo',
    'ftwo',
    'fundedhoursyesno',
    'twoyearoldfunding',
    '2yofunding',
    'eef',
    'fee',
  ],
  P({ field: 'funded', funding: 'funded' }),
);
child(['fundingtype', 'typeoffunding', 'fundingstream', 'entitlement', 'entitlementtype'], P({ field: 'funded', funding: 'type' }));
child(
  [
    'fundingeligibilitycriteria',
    'eligibilitycriteria',
    'fundingbasis',
    'basisforfunding',
    'basisoffunding',
    'fundingcriteria',
    'eligibility',
  ],
  P({ field: 'funded', funding: 'basis' }),
);
child(['hoursperweek', 'fundedhours', 'fundinghours', 'fundedhoursperweek', 'hoursfunded'], P({ field: 'funded', funding: 'hours' }));
child(
  [
    'eligibilitycode',
    '30hourscode',
    'workingparentcode',
    'workingparententitlementcode',
    'wpecode',
    'hmrccode',
    'hmrceligibilitycode',
    'childcareservicecode',
    'code11digit',
  ],
  P({ field: 'funded', funding: 'code' }),
);
child(['email', 'emailaddress', 'homeemail', 'primaryemail', 'contactemail', 'familyemail'], P({ field: 'parent_email' }, 2));
child(
  [
    'mobile',
    'mobilenumber',
    'mobiletelephone',
    'mobilephone',
    'phone',
    'telephone',
    'phonenumber',
    'contactnumber',
    'contactphone',
    'tel',
    'telephonenumber',
  ],
  P({ field: 'parent_phone' }, 2),
);
child(['hometelephone', 'homephone', 'landline'], P({ field: 'parent_phone' }, 3));

/** A parent's part, once "Parent", "Primary Parent", "Parent 2" and the like are taken off. */
const PERSON: Record<string, 'whole' | 'first' | 'last' | 'email' | 'phone' | 'contact' | 'home'> = {
  '': 'whole',
  name: 'whole',
  names: 'whole',
  fullname: 'whole',
  carername: 'whole',
  title: 'whole',
  firstname: 'first',
  forename: 'first',
  forenames: 'first',
  givenname: 'first',
  lastname: 'last',
  surname: 'last',
  familyname: 'last',
  email: 'email',
  emailaddress: 'email',
  mail: 'email',
  phone: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  mobilenumber: 'phone',
  phonenumber: 'phone',
  mobiletelephone: 'phone',
  mobilephone: 'phone',
  tel: 'phone',
  number: 'phone',
  contactnumber: 'phone',
  telephonenumber: 'phone',
  hometelephone: 'home',
  homephone: 'home',
  workphone: 'home',
  worktelephone: 'home',
};

/** The key without the prefix, preferring a prefix that leaves a known part ("parents"+"urname" loses to "parent"+"surname"). */
function stripPrefix(key: string, prefixes: readonly string[]): string | null {
  let first: string | null = null;
  for (const p of prefixes) {
    if (!key.startsWith(p)) continue;
    const rest = key.slice(p.length);
    if (PERSON[rest] !== undefined || CHILD[rest] !== undefined) return rest;
    first ??= rest;
  }
  return first;
}

function asPerson(rest: string, second: boolean): Recognised {
  const field = second ? 'parent2_name' : 'parent_name';
  const part = PERSON[rest] ?? (rest.includes('email') && rest.includes('phone') ? 'contact' : undefined);
  if (part === 'whole' || part === 'first' || part === 'last') return { part: { field, name: part }, rank: 1 };
  if (second) return { ignore: 'a second parent’s detail: only the first parent’s email and phone are kept' };
  if (part === 'email') return { part: { field: 'parent_email' }, rank: 1 };
  if (part === 'phone') return { part: { field: 'parent_phone' }, rank: 1 };
  if (part === 'home') return { part: { field: 'parent_phone' }, rank: 2 };
  if (part === 'contact') return { part: { field: 'parent_contact' }, rank: 1 };
  // A parent's home is the child's home where the child's own is not given.
  const own = CHILD[rest];
  if (typeof own === 'object' && (own[0].field === 'address' || own[0].field === 'postcode')) return { part: own[0], rank: own[1] + 1 };
  return { ignore: 'a parent’s detail, not the child’s' };
}

/**
 * What one header means. Ids: the setting's own (Ref, Child ID, InternalCode, Admission
 * Number, URN) rank before UPN. A timestamp or row number is never an id. Child-prefixed
 * headers rank just before the same header without a prefix; parent-prefixed headers are the
 * parent's and never the child's ("Parent DOB" is not a date of birth for the roster).
 */
export function recognise(header: string): Recognised {
  const key = headerKey(header);
  if (NOT_AN_ID.includes(key) || /^(timestamp|rownumber|row)\d*$/.test(key))
    return { ignore: 'a timestamp or row number, never a child’s ID' };
  if (ID_OWN.includes(key)) return { part: { field: 'ref' }, rank: 1 };
  if (ID_UPN.includes(key)) return { part: { field: 'ref' }, rank: 2 };
  const direct = CHILD[key];
  if (direct !== undefined) return typeof direct === 'string' ? { ignore: direct } : { part: direct[0], rank: direct[1] };
  // "Child Surname" is child + surname, not childs + urname: every prefix that fits is tried.
  let afterChild: string | null = null;
  for (const p of PREFIX_CHILD) {
    if (!key.startsWith(p)) continue;
    const rest = key.slice(p.length);
    afterChild ??= rest;
    const own = CHILD[rest];
    if (typeof own === 'string') return { ignore: own };
    if (own) return { part: own[0], rank: own[1] - 0.5 };
    if (ID_OWN.includes(rest)) return { part: { field: 'ref' }, rank: 0.5 };
    if (ID_UPN.includes(rest)) return { part: { field: 'ref' }, rank: 1.5 };
    if (stripPrefix(rest, PREFIX_PARENT) !== null || stripPrefix(rest, PREFIX_PARENT2) !== null) afterChild = rest;
  }
  const rest = afterChild ?? key;
  const second = stripPrefix(rest, PREFIX_PARENT2);
  if (second !== null) return asPerson(second, true);
  const first = stripPrefix(rest, PREFIX_PARENT);
  if (first !== null) return asPerson(first, false);
  for (const m of ['mother', 'mum', 'father', 'dad']) {
    if (rest.startsWith(m)) return { ignore: 'a parent’s detail: name the columns with --map parent_name=<header>' };
  }
  return null;
}

/** Whether a header names a column of dates or date-times, whose values say how the file writes dates. */
export function looksLikeDateHeader(header: string): boolean {
  const key = headerKey(header);
  return /date|dob|birth|born|timestamp|submitted|started|joined|created/.test(key);
}
