-- One methodology version's scorecard quarter ends, given as a comma-separated list of dates (config →
-- mart.methodology_quarter_ends).
insert into config.methodology_quarter_ends
select $version, unnest(string_split($quarter_ends, ','))::date
where $quarter_ends <> ''
