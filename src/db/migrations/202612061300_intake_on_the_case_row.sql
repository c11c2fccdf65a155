-- Intake stores one row. The consents given with the report and the duplicate fingerprints
-- move onto the case row, and the `received` event is read from it: intake had written nine
-- rows (the case, four consents, three fingerprints, the event), each child row paying a
-- foreign-key check, which kept public intake under half the speed of storing the case alone
-- (docs/performance.md). What is recorded is unchanged.

-- Consent per purpose, with the version of the text the reporter read (in `reporter_locale`),
-- recorded when the case was received by the reporter or by the operator who created it.
-- Handling is never withdrawn alone (that is withdrawing the report).
ALTER TABLE cases
  ADD COLUMN consent_version text,
  ADD COLUMN consent_handling boolean NOT NULL DEFAULT false,
  ADD COLUMN consent_sharing boolean NOT NULL DEFAULT false,
  ADD COLUMN consent_statistics boolean NOT NULL DEFAULT false,
  ADD COLUMN consent_contact boolean NOT NULL DEFAULT false,
  ADD COLUMN consent_sharing_withdrawn_at timestamptz,
  ADD COLUMN consent_statistics_withdrawn_at timestamptz,
  ADD COLUMN consent_contact_withdrawn_at timestamptz,
  -- Keyed hashes of the normalised e-mail, phone and narrative (src/core/cases/fingerprints.ts).
  ADD COLUMN email_fingerprint text,
  ADD COLUMN phone_fingerprint text,
  ADD COLUMN narrative_fingerprint text,
  -- How intake chose the queue: 'chosen' by the operator, the 'competent_desk' for the
  -- municipality, or the 'central_queue'.
  ADD COLUMN intake_route text CHECK (intake_route IN ('chosen', 'competent_desk', 'central_queue'));

ALTER TABLE cases
  ADD CONSTRAINT cases_withdrawn_was_granted CHECK (
    (consent_sharing_withdrawn_at IS NULL OR consent_sharing)
    AND (consent_statistics_withdrawn_at IS NULL OR consent_statistics)
    AND (consent_contact_withdrawn_at IS NULL OR consent_contact));

UPDATE cases SET
  consent_version = c.text_version,
  consent_handling = c.handling,
  consent_sharing = c.sharing,
  consent_statistics = c.statistics,
  consent_contact = c.contact,
  consent_sharing_withdrawn_at = c.sharing_withdrawn_at,
  consent_statistics_withdrawn_at = c.statistics_withdrawn_at,
  consent_contact_withdrawn_at = c.contact_withdrawn_at
FROM (
  SELECT case_id,
    -- A purpose without a row (hand-made or imported data) was not granted.
    min(text_version) AS text_version,
    coalesce(bool_or(granted) FILTER (WHERE purpose = 'handling'), false) AS handling,
    coalesce(bool_or(granted) FILTER (WHERE purpose = 'sharing'), false) AS sharing,
    coalesce(bool_or(granted) FILTER (WHERE purpose = 'statistics'), false) AS statistics,
    coalesce(bool_or(granted) FILTER (WHERE purpose = 'contact'), false) AS contact,
    max(withdrawn_at) FILTER (WHERE purpose = 'sharing' AND granted) AS sharing_withdrawn_at,
    max(withdrawn_at) FILTER (WHERE purpose = 'statistics' AND granted) AS statistics_withdrawn_at,
    max(withdrawn_at) FILTER (WHERE purpose = 'contact' AND granted) AS contact_withdrawn_at
  FROM case_consents GROUP BY case_id
) AS c
WHERE cases.id = c.case_id;

UPDATE cases SET
  email_fingerprint = (SELECT min(value_hash) FROM case_fingerprints f
    WHERE f.case_id = cases.id AND f.kind = 'email'),
  phone_fingerprint = (SELECT min(value_hash) FROM case_fingerprints f
    WHERE f.case_id = cases.id AND f.kind = 'phone'),
  narrative_fingerprint = (SELECT min(value_hash) FROM case_fingerprints f
    WHERE f.case_id = cases.id AND f.kind = 'narrative')
WHERE EXISTS (SELECT 1 FROM case_fingerprints f WHERE f.case_id = cases.id);

UPDATE cases SET intake_route = e.details->>'routed'
FROM case_events e
WHERE e.case_id = cases.id AND e.kind = 'received';
DELETE FROM case_events WHERE kind = 'received';

DROP TABLE case_consents;
DROP TABLE case_fingerprints;

CREATE INDEX cases_email_fingerprint ON cases (email_fingerprint)
  WHERE email_fingerprint IS NOT NULL;
CREATE INDEX cases_phone_fingerprint ON cases (phone_fingerprint)
  WHERE phone_fingerprint IS NOT NULL;
CREATE INDEX cases_narrative_fingerprint ON cases (narrative_fingerprint)
  WHERE narrative_fingerprint IS NOT NULL;

