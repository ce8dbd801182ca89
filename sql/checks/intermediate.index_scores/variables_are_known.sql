-- Every input variable a methodology names is one that intermediate.slice_index_inputs (mart.index_inputs) computes. The build validates this
-- before it starts (pipelines/models/validateMethodologies.ts); this check keeps a change to the inputs model
-- from leaving an indicator silently empty.
select
    m.methodology_version,
    m."index",
    m.code,
    m.variable,
from mart.index_meta as m
where m.level = 'indicator'
    and m.variable not in (select i.variable from intermediate.slice_index_inputs as i)
    and exists (select 1 from intermediate.slice_index_inputs)
