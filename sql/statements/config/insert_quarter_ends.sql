insert into config.methodology_quarter_ends
select $version, unnest(string_split($quarter_ends, ','))::date
where $quarter_ends <> ''
