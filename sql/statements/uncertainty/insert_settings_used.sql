-- What one ranking's uncertainty was computed with (draws and seed may come from the command line).
insert into mart.uncertainty_settings values ($version, $index_name, $draws, $seed, $runs, $inputs)
