-- Removes one methodology version's rows before it is rebuilt (the table placeholder is a quoted identifier).
delete from {{table}} where methodology_version = $version
