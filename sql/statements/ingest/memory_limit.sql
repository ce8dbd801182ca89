-- DuckDB's memory limit on this connection, as DuckDB prints it (e.g. 2.0 GiB): ingest fits files in flight to it.
select current_setting('memory_limit') as memory_limit
