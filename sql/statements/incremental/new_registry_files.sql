-- Registry files loaded since the last build: how many, how many snapshot dates, the earliest.
select
    count(distinct r.file_id)::integer as files,
    count(distinct r.as_of)::integer as snapshots,
    strftime(min(r.as_of), '%Y-%m-%d') as first_as_of,
from raw.registry as r
anti join ops.build_inputs as b on r.file_id = b.file_id
