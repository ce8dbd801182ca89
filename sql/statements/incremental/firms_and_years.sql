-- Years the added data opens (every enterprise alive then gets a row), and the firms whose earlier years change:
-- a new firm or one whose entity row changed in anything but the date it was last seen
-- (statements/incremental/changed_entities.sql), and firms with a filing added for a year that is not new (a late
-- or a revised filing).
create table ops.incremental_years__next as
select y.year
from staging.stg_years__next as y
anti join staging.stg_years as o on y.year = o.year;

create table ops.incremental_firms__next as
with new_filings as (
    select i.uscc
    from raw.enterprise_indicators as i
    anti join ops.build_inputs as b on i.file_id = b.file_id
    anti join ops.incremental_years__next as y on i.year = y.year
)

select uscc from ops.incremental_changed_entities__next
union
select uscc from new_filings;
