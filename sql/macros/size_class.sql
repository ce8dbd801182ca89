-- size_class(...): the 2011 SME size class (工信部联企业〔2011〕300号) from a filing and its industry row's bounds.
-- A NULL bound means the row has no such criterion. 大型/中型/小型 need every listed bound; else one tier down;
-- 微型 needs only one criterion below the 小型 bounds, so a known value below decides it even when another
-- value is missing. Otherwise a criterion the row uses but the filing lacks gives NULL (unknown size), and
-- so does a firm without an industry row (all bounds NULL): unknown size counts as in scope (§7).
create or replace macro size_class(emp, rev, assets, s_e, s_r, s_a, m_e, m_r, m_a, l_e, l_r, l_a) as
    case
        when s_e is null and s_r is null and s_a is null then null
        when emp < s_e or rev < s_r or assets < s_a then '微型'
        when (s_e is not null and emp is null)
            or (s_r is not null and rev is null)
            or (s_a is not null and assets is null) then null
        when coalesce(emp >= l_e, true) and coalesce(rev >= l_r, true) and coalesce(assets >= l_a, true) then '大型'
        when coalesce(emp >= m_e, true) and coalesce(rev >= m_r, true) and coalesce(assets >= m_a, true) then '中型'
        else '小型'
    end;
