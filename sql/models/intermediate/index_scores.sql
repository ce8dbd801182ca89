-- model: intermediate.index_scores
-- materialized: table
-- grain: one row per index (growth, vitality) per methodology version per year per slice per level and code
--   (indicator, module, total). A slice is a region (priority_industry NULL: all its small/micro enterprises) or
--   a region × 八大万亿产业 (methodology §8: inputs it does not have drop as region_level_only or
--   constant_within_industry, per mart.methodology_industry_slices). mart.growth_index and mart.vitality_index
--   are its region slices, mart.*_index_by_industry its industry slices; the formulas are
--   methodology §3–§4 and §7, as macros: base_year_index (sql/macros/base_year_index.sql) and weighted_mean
--   (sql/macros/weighted_mean.sql). pipelines/engine computes the same numbers independently (the oracle).
-- depends_on: intermediate.slice_index_inputs, mart.index_meta, mart.methodology, mart.methodology_industry_slices
-- check unique: index_name, methodology_version, year, region_code, priority_industry, level, code
-- check not_null: index_name, methodology_version, year, region_code, level, code
-- check accepted_values: level in ('indicator','module','total')
-- check expression: dropped_iff_no_value: (value is null) = (dropped_reason is not null)
with inputs as (
    select
        region_code,
        priority_industry,
        year,
        variable,
        value,
        n_enterprises,
    from intermediate.slice_index_inputs
),

-- An index is computed for every slice-year that has inputs (the engine's panel of units).
units as (
    select distinct
        region_code,
        priority_industry,
        year,
    from inputs
),

indicators as (
    select
        m.methodology_version,
        m."index" as index_name,
        m.parent as module_code,
        m.code,
        m.variable,
        m.direction,
        m.weight,
        m.sort_order,
        v.base_year,
        case
            when list_contains(sl.region_level_only, m.variable) then 'region_level_only'
            when list_contains(sl.constant_within_industry, m.variable) then 'constant_within_industry'
        end as industry_drop_reason,
    from mart.index_meta as m
    inner join mart.methodology as v on m.methodology_version = v.methodology_version
    left join mart.methodology_industry_slices as sl on m.methodology_version = sl.methodology_version
    where m.level = 'indicator'
),

-- I(t) = 100·X(t)/X(B) (direction 1) or 100·X(B)/X(t) (−1); missing when X(t) or X(B) is missing or ≤ 0, or
-- when the slice is an industry and the input is not defined there.
indicator_scores as (
    select
        i.index_name,
        i.methodology_version,
        u.year,
        u.region_code,
        u.priority_industry,
        i.module_code,
        i.code,
        i.weight,
        i.sort_order,
        x.value as raw_value,
        case
            when u.priority_industry is null or i.industry_drop_reason is null
                then base_year_index(x.value, b.value, i.direction)
        end as value,
        case
            when u.priority_industry is not null and i.industry_drop_reason is not null then i.industry_drop_reason
            else base_year_drop_reason(x.value, b.value)
        end as dropped_reason,
        x.n_enterprises,
    from units as u
    cross join indicators as i
    left join inputs as x
        on u.region_code = x.region_code
        and u.priority_industry is not distinct from x.priority_industry
        and u.year = x.year
        and i.variable = x.variable
    left join inputs as b
        on u.region_code = b.region_code
        and u.priority_industry is not distinct from b.priority_industry
        and i.base_year = b.year
        and i.variable = b.variable
),

-- A module is the weighted mean of its present indicators (weights renormalised); the total that of its
-- present modules. An aggregate counts the enterprises of its largest present child.
module_scores as (
    select
        s.index_name,
        s.methodology_version,
        s.year,
        s.region_code,
        s.priority_industry,
        s.module_code as code,
        weighted_mean(list(s.value order by s.sort_order), list(s.weight order by s.sort_order)) as value,
        max(s.n_enterprises) filter (where s.value is not null) as n_enterprises,
    from indicator_scores as s
    group by s.index_name, s.methodology_version, s.year, s.region_code, s.priority_industry, s.module_code
),

total_scores as (
    select
        s.index_name,
        s.methodology_version,
        s.year,
        s.region_code,
        s.priority_industry,
        'total' as code,
        weighted_mean(list(s.value order by m.sort_order), list(m.weight order by m.sort_order)) as value,
        max(s.n_enterprises) filter (where s.value is not null) as n_enterprises,
    from module_scores as s
    inner join mart.index_meta as m
        on s.methodology_version = m.methodology_version
        and s.index_name = m."index"
        and s.code = m.code
        and m.level = 'module'
    group by s.index_name, s.methodology_version, s.year, s.region_code, s.priority_industry
),

final as (
    select
        index_name, methodology_version, year, region_code, priority_industry,
        'indicator' as level, code, raw_value, value, dropped_reason, n_enterprises,
    from indicator_scores
    union all
    select
        index_name, methodology_version, year, region_code, priority_industry,
        'module' as level, code, null as raw_value, value,
        case when value is null then 'no_children' end as dropped_reason, n_enterprises,
    from module_scores
    union all
    select
        index_name, methodology_version, year, region_code, priority_industry,
        'total' as level, code, null as raw_value, value,
        case when value is null then 'no_children' end as dropped_reason, n_enterprises,
    from total_scores
)

select * from final
order by index_name, methodology_version, year, region_code, priority_industry, level, code
