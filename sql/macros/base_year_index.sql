-- base_year_index(x, base, direction): an indicator indexed to the base year (methodology §3), 100·x/base for
-- direction 1 and 100·base/x for −1, evaluated in that order (as the engine does, pipelines/engine/
-- baseYearIndex.ts); NULL when x or base is missing or ≤ 0, and base_year_drop_reason says why.
create or replace macro base_year_index(x, base, direction) as
    case
        when base is null or base <= 0 or x is null or x <= 0 then null
        when direction = 1 then 100 * x / base
        else 100 * base / x
    end;

-- base_year_drop_reason(x, base): why base_year_index is NULL, the base checked first (a base problem spoils
-- the whole series): base_missing, base_nonpositive, value_missing, value_nonpositive; NULL when it is not.
create or replace macro base_year_drop_reason(x, base) as
    case
        when base is null then 'base_missing'
        when base <= 0 then 'base_nonpositive'
        when x is null then 'value_missing'
        when x <= 0 then 'value_nonpositive'
    end;
