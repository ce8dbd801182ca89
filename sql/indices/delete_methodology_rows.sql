-- Removes one methodology version's rows before it is rebuilt ({{table}} is a quoted identifier).
delete from {{table}} where methodology_version = $version
