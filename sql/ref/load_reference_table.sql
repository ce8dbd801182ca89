-- Loads one committed reference CSV (data/reference/<table>.csv) into ref.<table>.
-- Codes are quoted in the CSVs, so DuckDB's sniffer keeps them as VARCHAR ("06", "330500").
-- {{table}} is substituted with a quoted identifier; the path is a bound parameter.
create or replace table ref.{{table}} as
select * from read_csv($path, header = true, auto_detect = true)
