-- The build records the §11 settings of exactly the versions it builds.
delete from mart.methodology_uncertainty
