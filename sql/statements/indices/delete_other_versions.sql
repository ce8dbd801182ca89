-- Removes the rows of methodology versions this build does not compute (the table placeholder is a
-- quoted identifier): the marts only ever hold versions computed from the data now loaded.
delete from {{table}} where not list_contains(string_split($versions, ','), methodology_version)
