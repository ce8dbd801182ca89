-- Which registry rows are enterprises (methodology §1 types) and which are 个体工商户, given the type's
-- ref.entity_types row (`listed_enterprise`, `listed_type`: NULL when the type is not in the table).
-- A type missing from the table falls back to the USCC's 机构类别 (91 = enterprise unless the type says
-- branch, 92 = 个体工商户): an unlisted form must not vanish from the statistics.
create or replace macro is_enterprise_type(listed_enterprise, entity_type, uscc) as coalesce(
    listed_enterprise,
    uscc[1:2] = '91' and coalesce(entity_type not like '%分公司%' and entity_type not like '%分支%', true)
);
create or replace macro is_individual_type(listed_type, uscc) as
    case when listed_type is not null then listed_type = '个体工商户' else uscc[1:2] = '92' end;
