-- The first release's mart.revisions held unrounded values of every cell, small ones included; it is kept
-- aside as mart.revisions_v0 (never printed) and a new table is created in its place.
drop table if exists mart.revisions_v0;
alter table mart.revisions rename to revisions_v0;
