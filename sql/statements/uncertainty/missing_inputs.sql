-- The tables the uncertainty computation reads that this warehouse lacks (none once `xiaowei build` has run).
select needed.name,
from (
    values ('methodology'), ('methodology_plan_kinds'), ('index_meta'), ('growth_index'), ('vitality_index'),
        ('plan_scorecard'), ('methodology_uncertainty')
) as needed(name)
where needed.name not in (select table_name from information_schema.tables where table_schema = 'mart')
order by needed.name
