-- In an incremental build's one transaction, after the recomputed rows were inserted: the live rows they replace go.
delete from {{live}} where rowid in (select g.row_id from {{gone}} as g)
