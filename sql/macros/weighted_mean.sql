-- compensated_sum(xs): Σ of the non-NULL xs in list order with Neumaier's compensation, the summation of the
-- engine (pipelines/engine/neumaierSum.ts), so SQL and engine agree to the bit; 0 for an empty list.
-- Example: compensated_sum([1e16, 1, -1e16]) = 1 where a plain sum gives 0.
create or replace macro compensated_sum(xs) as
    list_transform(
        [list_reduce(
            list_transform(list_filter(xs, lambda x: x is not null), lambda x: {'s': x::double, 'c': 0::double}),
            lambda acc, e: {
                's': acc.s + e.s,
                'c': acc.c + case
                    when abs(acc.s) >= abs(e.s) then (acc.s - (acc.s + e.s)) + e.s
                    else (e.s - (acc.s + e.s)) + acc.s
                end
            },
            {'s': 0::double, 'c': 0::double}
        )],
        lambda r: r.s + r.c
    )[1];

-- present_weight_sum(xs, ws): Σ of the weights whose value is present (ws aligned with xs).
create or replace macro present_weight_sum(xs, ws) as
    compensated_sum(list_filter(ws, lambda w, i: xs[i] is not null));

-- weighted_mean(xs, ws): the weighted arithmetic mean of the present values, weights renormalised over them
-- (methodology §3, §7): Σ (w_j / Σ w) · x_j over the j whose x_j is not NULL, or NULL when none is present.
-- xs and ws are aligned lists in a fixed order (list(x order by …)): the sum runs in that order, so a rebuild
-- gives the same bits whatever order DuckDB's threads met the rows in.
-- Example: weighted_mean([100, NULL, 130], [0.3, 0.5, 0.2]) = 0.6·100 + 0.4·130 = 112.
create or replace macro weighted_mean(xs, ws) as
    case
        when present_weight_sum(xs, ws) > 0
            then compensated_sum(list_transform(xs, lambda x, i: ws[i] / present_weight_sum(xs, ws) * x))
    end;
