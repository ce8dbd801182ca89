-- How many methodology versions have uncertainty settings (0: built before methodology §11, or never).
select count(*)::integer as n from mart.methodology_uncertainty
