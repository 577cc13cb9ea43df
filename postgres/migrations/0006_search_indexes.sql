-- 0006: serve "family-name prefix + birth date" from an index that puts the
-- equality first, so the scan covers one birth date's names rather than
-- every name with the prefix; keep a (family, id) index for prefix-only
-- searches in display order.
DROP INDEX patients_birth;
DROP INDEX patients_family_birth;
CREATE INDEX patients_birth_family ON patients (birth_date, family_norm, id);
CREATE INDEX patients_family ON patients (family_norm, id);
