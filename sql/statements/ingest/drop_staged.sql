-- Everything one file's ingest staged on the connection, views first (they read the tables).
drop view if exists _xw_checked;
drop view if exists _xw_dup_content;
drop view if exists _xw_fields;
drop view if exists _xw_lines;
drop view if exists _xw_texts;
drop table if exists _xw_dups;
drop table if exists _xw_row_checked;
drop table if exists _xw_line_faults;
drop table if exists _xw_joined;
drop table if exists _xw_raw_lines;
drop table if exists _xw_parquet_lines;
