-- ops.runs is a copy of the run store: cleared and refilled at each publish.
delete from ops.runs;
