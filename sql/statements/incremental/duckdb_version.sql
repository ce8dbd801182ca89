-- The DuckDB library a build ran on: part of what an incremental build must share with the last one.
select library_version as version from pragma_version()
