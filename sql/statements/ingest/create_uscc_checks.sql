-- Check-digit verdicts already computed on this connection, by code: registry snapshots and indicator files
-- repeat most codes, and the two check digits are the costliest rule per row. A pure function of the code,
-- so a cached verdict is the computed one (validate_<kind>.sql reads it, remember_uscc_checks.sql fills it).
create temp table if not exists _xw_uscc_checks (
    uscc varchar,
    check_ok boolean
)
