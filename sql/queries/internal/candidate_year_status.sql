-- INTERNAL (培育库 candidate lists): does year $year have filings, and were the growth-path marts built with them?
select
    (select count(*) from staging.stg_enterprise_indicators where year = $year)::integer as filings,
    (select count(*) from mart.growth_path_enterprises where year = $year and has_filing)::integer as built_filings,
    (select string_agg(distinct year::varchar, ', ' order by year::varchar) from staging.stg_enterprise_indicators)
        as filing_years,
    (select count(*) from mart.methodology_growth_paths where methodology_version = $methodology_version)::integer
        as has_version
