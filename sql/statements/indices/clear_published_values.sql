-- Replaced wholesale at the end of every build (recordRevisions appends the new snapshot after this).
delete from mart.published_values
