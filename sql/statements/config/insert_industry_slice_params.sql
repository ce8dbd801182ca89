-- One methodology version's industry-slice settings (methodology §8), one row of config.methodology_industry_slices.
insert into config.methodology_industry_slices values (
    $version, $county_by_industry, from_json($region_level_only, '["VARCHAR"]'),
    from_json($constant_within_industry, '["VARCHAR"]'), $proxy_note_zh
)
