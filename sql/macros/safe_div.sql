-- safe_div(a, b): a / b, or NULL when b is NULL or 0 — a ratio with no denominator is missing, never 0 or inf.
create or replace macro safe_div(a, b) as case when b is null or b = 0 then null else a / b end;
