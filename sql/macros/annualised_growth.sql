-- annualised_growth(start_value, end_value, years): average annualised growth (end / start)^(1 / years) − 1,
-- rounded to 9 decimals so that a boundary case is decided exactly: 1000 → 1331 over 3 years is 10 %, not the
-- 10.000000000000009 % floating point gives (methodology §9: exactly 10 % is not high growth). NULL when the
-- start is missing or not positive, or the end is missing (growth undefined, never 0 or infinite).
create or replace macro annualised_growth(start_value, end_value, years) as
    case
        when start_value is null or start_value <= 0 or end_value is null or end_value < 0 then null
        else round(power(end_value::double / start_value::double, 1.0 / years) - 1, 9)
    end;
