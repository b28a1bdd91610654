/**
 * The schema as an ordered list. Migration N brings a database from user_version N-1 to N,
 * in its own transaction. Never edit a migration that has shipped: append a new one.
 *
 * Postcodes, phone numbers and references are TEXT: a ref `007` stays `007`.
 * Dates are TEXT `YYYY-MM-DD` (calendar dates); instants are TEXT ISO-8601 UTC.
 */
export const MIGRATIONS: readonly string[] = [
  /* 1: the first schema */ `
  CREATE TABLE setting (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    address     TEXT,
    postcode    TEXT,
    phone       TEXT,
    email       TEXT,
    manager     TEXT,
    urn         TEXT,
    area        TEXT NOT NULL DEFAULT 'staffordshire',
    logo        TEXT,
    updated_at  TEXT NOT NULL
  );

  CREATE TABLE children (
    id           INTEGER PRIMARY KEY,
    ref          TEXT NOT NULL UNIQUE,
    first_name   TEXT NOT NULL,
    last_name    TEXT NOT NULL,
    dob          TEXT NOT NULL,
    address      TEXT,
    postcode     TEXT,
    parent_name  TEXT,
    parent2_name TEXT,
    parent_email TEXT,
    parent_phone TEXT,
    key_person   TEXT,
    room         TEXT,
    language     TEXT,
    funded       INTEGER CHECK (funded IN (0, 1)),
    family       TEXT,
    start_date   TEXT,
    left_on      TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
  );
  CREATE INDEX children_current_dob ON children (dob) WHERE left_on IS NULL;

  CREATE TABLE consents (
    id           INTEGER PRIMARY KEY,
    child_id     INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('share-with-health', 'parental-declaration')),
    status       TEXT NOT NULL CHECK (status IN ('given', 'withdrawn')),
    given_by     TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('paper', 'verbal', 'electronic')),
    note         TEXT,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
  );
  -- status covers the latest consent per child from the index alone (store/status.ts)
  CREATE INDEX consents_child ON consents (child_id, kind, id, status);

  CREATE TABLE letters (
    id             INTEGER PRIMARY KEY,
    child_id       INTEGER REFERENCES children (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    template       TEXT NOT NULL,
    template_hash  TEXT NOT NULL,
    file           TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    generated_at   TEXT NOT NULL,
    generated_by   TEXT NOT NULL,
    sent_on        TEXT,
    sent_by        TEXT,
    session_id     INTEGER REFERENCES group_sessions (id) ON DELETE SET NULL
  );
  -- sent_on so "was the parent letter sent" is answered from the index (store/status.ts)
  CREATE INDEX letters_child ON letters (child_id, kind, sent_on);

  CREATE TABLE checks (
    id             INTEGER PRIMARY KEY,
    child_id       INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
    completed_on   TEXT,
    practitioner   TEXT,
    key_person     TEXT,
    data           TEXT NOT NULL,
    pdf_path       TEXT,
    pdf_sha256     TEXT,
    shared_on      TEXT,
    amend_reason   TEXT,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (child_id, version)
  );
  -- The current check (highest completed version) and its dates without reading the row,
  -- whose data column is large; and the few completed checks not yet shared (store/status.ts).
  CREATE INDEX checks_completed ON checks (child_id, status, version, completed_on, shared_on);
  CREATE INDEX checks_unshared ON checks (child_id) WHERE status = 'completed' AND shared_on IS NULL;

  CREATE TABLE dismissals (
    id           INTEGER PRIMARY KEY,
    child_id     INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    flag         TEXT NOT NULL,
    reason       TEXT NOT NULL,
    by           TEXT NOT NULL,
    at           TEXT NOT NULL,
    UNIQUE (child_id, flag)
  );

  CREATE TABLE concerns (
    id           INTEGER PRIMARY KEY,
    child_id     INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    raised_by    TEXT NOT NULL CHECK (raised_by IN ('setting', 'health', 'parent')),
    area         TEXT NOT NULL,
    description  TEXT NOT NULL,
    raised_on    TEXT NOT NULL,
    closed_on    TEXT,
    closed_note  TEXT,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
  );
  CREATE INDEX concerns_open ON concerns (child_id) WHERE closed_on IS NULL;

  CREATE TABLE concern_events (
    id           INTEGER PRIMARY KEY,
    concern_id   INTEGER NOT NULL REFERENCES concerns (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('shared', 'action')),
    with_whom    TEXT,
    how          TEXT,
    on_date      TEXT NOT NULL,
    due_on       TEXT,
    done_on      TEXT,
    note         TEXT,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
  );

  CREATE TABLE group_sessions (
    id              INTEGER PRIMARY KEY,
    on_date         TEXT NOT NULL,
    at_time         TEXT,
    place           TEXT,
    lead            TEXT,
    health_visitor  TEXT,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL
  );

  CREATE TABLE group_members (
    session_id   INTEGER NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
    child_id     INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    attended     INTEGER CHECK (attended IN (0, 1)),
    recorded_at  TEXT,
    PRIMARY KEY (session_id, child_id)
  );

  CREATE TABLE audit (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    by         TEXT NOT NULL,
    action     TEXT NOT NULL,
    child_id   INTEGER,
    details    TEXT
  );
  CREATE INDEX audit_child ON audit (child_id);
  `,

  /* 2: facts as of a day, for --today replays (store/status.ts): each record's own date is read
     from an index, and the children who left after a day are found without a scan. An amended
     check often keeps the first version's completion date, so a version also records the day it
     was recorded on. Earlier versions take the later of their completion date and the day of
     created_at in England: British Summer Time runs from 01:00 UTC on the last Sunday in March
     (the Sunday on or after the 25th) to 01:00 UTC on the last Sunday in October. */ `
  ALTER TABLE checks ADD COLUMN recorded_on TEXT;
  UPDATE checks SET recorded_on = max(completed_on, date(created_at,
      CASE WHEN created_at >= date(substr(created_at, 1, 4) || '-03-25', 'weekday 0') || 'T01:00'
            AND created_at < date(substr(created_at, 1, 4) || '-10-25', 'weekday 0') || 'T01:00'
      THEN '+1 hour' ELSE '+0 hours' END))
    WHERE status = 'completed';
  DROP INDEX checks_completed;
  CREATE INDEX checks_completed ON checks (child_id, status, version, completed_on, shared_on, recorded_on);
  DROP INDEX consents_child;
  CREATE INDEX consents_child ON consents (child_id, kind, id, status, on_date);
  CREATE INDEX concerns_child ON concerns (child_id, raised_on, closed_on);
  CREATE INDEX checks_shared ON checks (shared_on) WHERE status = 'completed';
  CREATE INDEX children_left ON children (left_on) WHERE left_on IS NOT NULL;
  `,

  /* 3: email delivery. The SMTP server's URL (never its password); one row per parent a letter
     was emailed to, so a re-run never emails a parent twice. A row is written only once the
     server has accepted the message, with its Message-ID. */ `
  CREATE TABLE mail_server (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    url         TEXT NOT NULL,
    updated_at  TEXT NOT NULL
  );

  CREATE TABLE letter_emails (
    id          INTEGER PRIMARY KEY,
    letter_id   INTEGER NOT NULL REFERENCES letters (id) ON DELETE CASCADE,
    child_id    INTEGER REFERENCES children (id) ON DELETE CASCADE,
    recipient   TEXT NOT NULL,
    message_id  TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    sent_by     TEXT NOT NULL,
    UNIQUE (letter_id, recipient)
  );
  CREATE INDEX letter_emails_child ON letter_emails (child_id);

  `,

  /* 4: the basis of a funded place, as the roster's funding columns say it (the disadvantaged
     two-year-old offer or the working-parent entitlement); and the roster layouts a manager
     mapped once, by name, with the header row they were made for so the same export is
     recognised again. */ `
  ALTER TABLE children ADD COLUMN funding_basis TEXT CHECK (funding_basis IN ('disadvantaged', 'working-parent'));
  CREATE TABLE roster_mappings (
    name        TEXT PRIMARY KEY,
    header_row  TEXT NOT NULL,
    map         TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
  );
  CREATE INDEX roster_mappings_header_row ON roster_mappings (header_row);
  `,

  /* 5: the integrated review. The health visitor's Health and Development Review comes back
     (one row per review recorded; a correction is a new row, the earlier one stays), and each
     time a Progress Check is shared with health: by phone, by hand or by email (then with the
     Message-ID the server gave), with the consent it relied on, or the safeguarding reason when
     it went without the parents' consent. */ `
  CREATE TABLE reviews (
    id                  INTEGER PRIMARY KEY,
    child_id            INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    reviewed_on         TEXT NOT NULL,
    reviewer            TEXT NOT NULL,
    place               TEXT,
    check_seen          INTEGER NOT NULL CHECK (check_seen IN (0, 1)),
    asq_communication   TEXT CHECK (asq_communication IN ('above', 'close', 'below')),
    asq_gross_motor     TEXT CHECK (asq_gross_motor IN ('above', 'close', 'below')),
    asq_fine_motor      TEXT CHECK (asq_fine_motor IN ('above', 'close', 'below')),
    asq_problem_solving TEXT CHECK (asq_problem_solving IN ('above', 'close', 'below')),
    asq_personal_social TEXT CHECK (asq_personal_social IN ('above', 'close', 'below')),
    asq_se2             TEXT CHECK (asq_se2 IN ('above', 'close', 'below')),
    actions             TEXT NOT NULL,
    notes               TEXT,
    recorded_by         TEXT NOT NULL,
    recorded_at         TEXT NOT NULL
  );
  CREATE INDEX reviews_child ON reviews (child_id, reviewed_on);

  CREATE TABLE check_shares (
    id                      INTEGER PRIMARY KEY,
    child_id                INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    check_id                INTEGER NOT NULL REFERENCES checks (id) ON DELETE CASCADE,
    with_whom               TEXT NOT NULL,
    how                     TEXT NOT NULL,
    on_date                 TEXT NOT NULL,
    without_consent_reason  TEXT,
    consent_id              INTEGER REFERENCES consents (id) ON DELETE SET NULL,
    message_id              TEXT,
    recorded_by             TEXT NOT NULL,
    recorded_at             TEXT NOT NULL
  );
  CREATE INDEX check_shares_child ON check_shares (child_id, on_date);
  `,

  /* 6: whether a check showed progress less than expected in a prime area, kept beside the
     check so the flags read it without opening every check's answers. New checks get it from
     domain/progress-check.ts (hasConcerns); the checks already recorded from their answers. */ `
  ALTER TABLE checks ADD COLUMN less_than_expected INTEGER CHECK (less_than_expected IN (0, 1));
  UPDATE checks SET less_than_expected = (
      json_extract(data, '$.areas.communication_and_language.progress') IS 'less-than-expected'
      OR json_extract(data, '$.areas.personal_social_emotional.progress') IS 'less-than-expected'
      OR json_extract(data, '$.areas.physical.progress') IS 'less-than-expected')
    WHERE status = 'completed' AND json_valid(data);
  -- every column the flags read of a check, so they are read without the check's answers
  CREATE INDEX checks_facts ON checks (child_id, version, status, completed_on, recorded_on, shared_on, less_than_expected);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
