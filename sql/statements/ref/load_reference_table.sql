-- Loads one committed reference CSV (data/reference/<table>.csv) into ref.<table>.
-- The table placeholder is a quoted identifier; the types placeholder a ", types = struct" option naming the code columns that must stay
-- VARCHAR ("06", "330500": the sniffer would read them as numbers); the path is a bound parameter.
create or replace table ref.{{table}} as
select * from read_csv($path, header = true, auto_detect = true{{types}})
