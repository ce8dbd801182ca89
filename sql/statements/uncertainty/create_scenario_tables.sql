-- Working tables of one uncertainty computation (temporary: they vanish with the connection). TypeScript draws
-- the scenarios and runs them (pipelines/uncertainty/runScenarios.ts); SQL writes the statistics.

-- The rankings analysed: one per methodology version and index (growth, vitality, scorecard).
create or replace temp table uncertainty_ranking (
    ranking_id          integer primary key,
    methodology_version varchar not null,
    index_name          varchar not null
);

-- The county-years of each ranking.
create or replace temp table uncertainty_unit (
    unit_id     integer primary key,
    ranking_id  integer not null,
    year        integer not null,
    region_code varchar not null
);

-- The input each radial block varies: block 2 + i is matrix A with input i taken from B.
create or replace temp table uncertainty_input (
    ranking_id integer not null,
    block      integer not null,
    input      varchar not null
);

-- Each county-year's value and rank in the N draws of matrix A (NULL: none). Ranks among the year's
-- counties, higher first, ties sharing the better rank (pipelines/uncertainty/rankCounties.ts).
create or replace temp table uncertainty_draw (
    unit_id integer not null,
    draw    integer not null,
    value   double,
    rank    integer
);

-- Every scenario's output per year: the mean absolute rank shift of the counties from their nominal ranks.
-- block 0 = matrix A, 1 = B, 2 + i = A with input i from B; draw = the row of A and B.
create or replace temp table uncertainty_shift (
    ranking_id integer not null,
    year       integer not null,
    block      integer not null,
    draw       integer not null,
    y          double
);
