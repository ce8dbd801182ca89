-- Row counts of the uncertainty marts, for the summary line of `xiaowei build` and `xiaowei uncertainty`.
select 'rank_uncertainty' as "table", count(*)::integer as n from mart.rank_uncertainty
union all
select 'sensitivity_drop_one' as "table", count(*)::integer as n from mart.sensitivity_drop_one
union all
select 'sensitivity_sobol' as "table", count(*)::integer as n from mart.sensitivity_sobol
