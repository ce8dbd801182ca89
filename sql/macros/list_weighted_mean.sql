-- list_weighted_mean(xs, ws, geometric): mean of the non-NULL entries of list xs, weighted by the entries of ws
-- at the same positions and renormalised over what is present (methodology §3, §7). Arithmetic:
-- Σ (w / Σw) · x; geometric: exp(Σ w · ln x / Σw) (COINr's a_gmean), NULL when a present entry is ≤ 0. NULL
-- when nothing is present or the present weights do not sum above 0. Both sums are compensated (Neumaier) and
-- run in list order, exactly as the index engine's weightedMean (pipelines/engine/aggregateTree.ts) adds them,
-- so that a mean taken here equals the built index to the last bit.
-- (`list_transform([e], v -> …)[1]` binds e to v once, where a macro would otherwise repeat e.)

-- neumaier_sum(xs): compensated sum in list order (pipelines/engine/neumaierSum.ts); 0 for an empty list.
create or replace macro neumaier_sum(xs) as
    case
        when len(xs) = 0 then 0.0
        else list_transform(
            [
                list_reduce(
                    list_transform(xs, x -> {'s': x::double, 'c': 0.0::double}),
                    (acc, x) -> {
                        's': acc.s + x.s,
                        'c': acc.c
                            + if(abs(acc.s) >= abs(x.s), (acc.s - (acc.s + x.s)) + x.s, (x.s - (acc.s + x.s)) + acc.s)
                    }
                )
            ],
            st -> st.s + st.c
        )[1]
    end;

-- weighted_mean_of_present(xs, ws, geometric): list_weighted_mean over lists that hold present entries only.
create or replace macro weighted_mean_of_present(xs, ws, geometric) as
    list_transform(
        [neumaier_sum(ws)],
        total -> case
            when len(xs) = 0 or not (total > 0) then null
            when geometric and list_bool_or(list_transform(xs, x -> x <= 0)) then null
            when geometric then exp(neumaier_sum(list_transform(xs, (x, i) -> ws[i] * ln(x))) / total)
            else neumaier_sum(list_transform(xs, (x, i) -> (ws[i] / total) * x))
        end
    )[1];

create or replace macro list_weighted_mean(xs, ws, geometric) as
    list_transform(
        [list_filter(range(1, len(xs) + 1), i -> xs[i] is not null)],
        present -> weighted_mean_of_present(
            list_transform(present, i -> xs[i]::double),
            list_transform(present, i -> ws[i]::double),
            geometric
        )
    )[1];
