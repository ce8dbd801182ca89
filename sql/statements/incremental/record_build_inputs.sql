-- The inputs a build that swaps in read, file by file (statements/incremental/inputs_now.sql).
insert into ops.build_inputs
select * from ops.build_inputs__next
