-- The working tables of one uncertainty computation, dropped once the marts are written.
drop table if exists uncertainty_shift;
drop table if exists uncertainty_draw;
drop table if exists uncertainty_input;
drop table if exists uncertainty_unit;
drop table if exists uncertainty_ranking;
drop table if exists uncertainty_nominal;
drop view if exists uncertainty_indicator_value;
drop view if exists uncertainty_tree;
drop view if exists uncertainty_ranked_region;
