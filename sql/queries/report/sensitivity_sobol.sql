-- Sobol indices of the uncertain inputs on each ranking (methodology §11), inputs in the design's order.
-- Grain: version, index, year, input.
select
    methodology_version,
    index_name,
    year,
    input,
    first_order,
    total_order
from mart.sensitivity_sobol
order by
    methodology_version,
    index_name,
    year,
    list_position(['module_weights', 'indicator_weights', 'aggregation', 'exclusion'], input)
