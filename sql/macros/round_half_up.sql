-- round_half_up(x, d): decimal rounding with halves away from zero (2.25 → 2.3), done in DECIMAL so that
-- binary floating point (2.25 stored as 2.2499999…) cannot flip a half down. Used for county targets.
-- (DuckDB's round() needs a constant precision, so scale by 10^d, round to an integer, scale back.)
create or replace macro round_half_up(x, d) as
    round(x::decimal(38, 10) * (10 ** d)::bigint, 0)::double / (10 ** d)::bigint;
