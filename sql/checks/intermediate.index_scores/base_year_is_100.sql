-- Identity: in the base year every available index value (indicator, module, total) is 100, in every slice.
select s.*
from intermediate.index_scores as s
inner join mart.methodology as m on s.methodology_version = m.methodology_version
where s.year = m.base_year and s.value is not null and abs(s.value - 100) > 1e-9
