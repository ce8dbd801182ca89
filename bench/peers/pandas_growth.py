"""Growth index (methodology v1 §3, with the §1, §2 and §7 rules) computed the way an analyst would with pandas.

An independent re-implementation for `npm run bench`: it reads the generated CSV extracts and the reference
CSVs directly (it does not look at xiaowei's SQL or warehouse) and writes one CSV row per
(year, region, level, code): raw_value (indicators only) and value. The benchmark compares it with
mart.growth_index.

Usage: /usr/bin/python3 bench/peers/pandas_growth.py DATA_DIR REFERENCE_DIR OUT_CSV
Assumes clean extracts (no --dirty faults): validation and quarantine are xiaowei's job, not the peer's.
"""

import glob
import os
import re
import sys

import numpy as np
import pandas as pd

BASE_YEAR = 2017
MODULES = {  # module: (weight, [(indicator, variable)])
    "A": (0.30, [("A1", "active"), ("A2", "revenue_sum"), ("A3", "employees_sum"), ("A4", "assets_sum"),
                 ("A5", "profit_tax_sum")]),
    "B": (0.25, [("B1", "asset_turnover"), ("B2", "tech_staff_share"), ("B3", "rd_intensity"),
                 ("B4", "labour_productivity")]),
    "C": (0.30, [("C1", "births"), ("C2", "conversions"), ("C3", "upgrades"), ("C4", "survival_3y")]),
    "D": (0.15, [("D1", "plan_12"), ("D2", "plan_15_16"), ("D3", "plan_17"), ("D4", "plan_18_19")]),
}

REGISTRY_COLS = {
    "统一社会信用代码": "uscc", "市场主体类型": "entity_type", "成立日期": "established_on", "登记状态": "status",
    "注销（吊销）日期": "closed_on", "行政区划代码": "county_code", "国民经济行业代码": "industry_code",
    "是否个转企": "converted", "个转企日期": "converted_on",
}
INDICATOR_COLS = {
    "统一社会信用代码": "uscc", "年度": "year", "从业人员": "employees", "营业收入（万元）": "revenue",
    "资产总额（万元）": "assets", "利润总额（万元）": "profit", "纳税总额（万元）": "tax", "研发费用（万元）": "rd",
    "科技人员": "tech_staff", "是否规上": "above_scale",
}
PLAN_COLS = {"年度": "year", "季度": "quarter", "行政区划代码": "region_code", "指标序号": "indicator_no", "数值": "value"}


def read_extracts(data_dir, pattern, columns):
    frames = []
    for path in sorted(glob.glob(os.path.join(data_dir, pattern))):
        df = pd.read_csv(path, dtype=str, usecols=list(columns), keep_default_na=False, na_values=[""])
        df = df.rename(columns=columns)
        df["source_file"] = os.path.basename(path)
        frames.append(df)
    return pd.concat(frames, ignore_index=True)


def size_class(df):
    """工信部联企业〔2011〕300号: 微型 as soon as one known value is below a 小型 bound; otherwise unknown if a bound
    the industry row uses is missing from the filing (or the firm has no industry row); else 大/中/小 need every
    bound the row lists."""
    emp, rev, ast = df["employees"], df["revenue"], df["assets"]

    def ge(x, bound):
        return (x >= bound) | x.isna() | bound.isna()

    s_e, s_r, s_a = df["small_employees_min"], df["small_revenue_min"], df["small_assets_min"]
    no_row = s_e.isna() & s_r.isna() & s_a.isna()
    micro = (emp < s_e) | (rev < s_r) | (ast < s_a)  # NaN compares False: only known values decide
    unknown = (s_e.notna() & emp.isna()) | (s_r.notna() & rev.isna()) | (s_a.notna() & ast.isna())
    tiers = []
    for tier in ("large", "medium"):
        tiers.append(ge(emp, df[f"{tier}_employees_min"]) & ge(rev, df[f"{tier}_revenue_min"])
                     & ge(ast, df[f"{tier}_assets_min"]))
    out = np.select([no_row, micro, unknown] + tiers, ["", "微型", "", "大型", "中型"], default="小型")
    return pd.Series(out, index=df.index).replace("", None)


def main(data_dir, ref_dir, out_path):
    regions = pd.read_csv(os.path.join(ref_dir, "regions.csv"), dtype=str)
    entity_types = pd.read_csv(os.path.join(ref_dir, "entity_types.csv"), dtype=str)
    divisions = pd.read_csv(os.path.join(ref_dir, "gbt4754_divisions.csv"), dtype=str)
    thresholds = pd.read_csv(os.path.join(ref_dir, "sme_size_thresholds.csv"), dtype={"size_group": str})
    plan_ref = pd.read_csv(os.path.join(ref_dir, "plan_indicators.csv"), dtype={"indicator_no": int})

    # --- registry snapshots: the snapshot date is in the file name
    reg = read_extracts(data_dir, "registry_*.csv", REGISTRY_COLS)
    reg["as_of"] = pd.to_datetime(reg["source_file"].str.extract(r"(\d{4}-\d{2}-\d{2})")[0])
    for c in ("established_on", "closed_on", "converted_on"):
        reg[c] = pd.to_datetime(reg[c], format="%Y-%m-%d")
    reg = reg.sort_values(["uscc", "as_of", "source_file"]).drop_duplicates(["uscc", "as_of"], keep="last")
    years = sorted({d.year for d in reg["as_of"] if d.month == 12 and d.day == 31})
    years = list(range(years[0], years[-1] + 1))

    # --- entities: fixed attributes from the latest snapshot
    ent = reg.drop_duplicates("uscc", keep="last").copy()
    ent["division"] = ent["industry_code"].str.extract(r"(\d{2})")[0]
    ent = ent.merge(entity_types, on="entity_type", how="left")
    # a type missing from the reference: an enterprise if its USCC says 91 (企业) and it is not a branch
    unlisted = ent["is_enterprise"].isna()
    branch = ent["entity_type"].fillna("").str.contains("分公司|分支")
    ent.loc[unlisted, "is_enterprise"] = np.where(ent.loc[unlisted, "uscc"].str[:2].eq("91") & ~branch[unlisted],
                                                  "true", "false")
    ent = ent[ent["is_enterprise"] == "true"]
    ent = ent.merge(divisions[["division", "size_group"]], on="division", how="left")
    ent["is_converted"] = ent["converted"] == "是"
    ent["converted_on"] = ent["converted_on"].where(ent["converted_on"].notna(), ent["established_on"])
    ent = ent[["uscc", "established_on", "closed_on", "is_converted", "converted_on", "size_group"]]

    # --- enterprise-years: every year the firm existed at some point
    parts = []
    for y in years:
        start, end = pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)
        e = ent[(ent["established_on"] <= end) & (ent["closed_on"].isna() | (ent["closed_on"] >= start))].copy()
        e["year"] = y
        e["year_end"] = end
        parts.append(e)
    ey = pd.concat(parts, ignore_index=True)

    # county at the end of t: latest snapshot on or before 31 Dec t, else the first listed county
    snaps = reg[["uscc", "as_of", "county_code", "status"]].sort_values("as_of")
    ey = pd.merge_asof(ey.sort_values("year_end"), snaps, left_on="year_end", right_on="as_of", by="uscc",
                       direction="backward")
    first_county = reg.sort_values("as_of").drop_duplicates("uscc", keep="first").set_index("uscc")["county_code"]
    ey["county_code"] = ey["county_code"].fillna(ey["uscc"].map(first_county))

    # --- filings (a later file replaces an earlier filing of the same firm and year)
    ind = read_extracts(data_dir, "indicators_*.csv", INDICATOR_COLS)
    ind = ind.drop_duplicates(["uscc", "year"], keep="last")
    ind["year"] = ind["year"].astype(int)
    for c in ("employees", "revenue", "assets", "profit", "tax", "rd", "tech_staff"):
        ind[c] = pd.to_numeric(ind[c])
    ind["is_above_scale"] = ind["above_scale"] == "是"
    ind["has_filing"] = True
    ey = ey.merge(ind.drop(columns=["above_scale", "source_file"]), on=["uscc", "year"], how="left")
    ey["has_filing"] = ey["has_filing"].fillna(False).astype(bool)
    ey["is_above_scale"] = ey["is_above_scale"].fillna(False).astype(bool)
    ey = ey.merge(thresholds, on="size_group", how="left")
    ey["size_class"] = size_class(ey)

    ey["in_scope"] = ~ey["is_above_scale"] & (ey["size_class"].isna() | ey["size_class"].isin(["小型", "微型"]))
    # 迁出 takes a firm out of the active population while its state at 31 Dec says so
    ey["alive_end"] = (ey["closed_on"].isna() | (ey["closed_on"] > ey["year_end"])) & ey["status"].ne("迁出")
    ey["is_birth"] = (ey["established_on"].dt.year == ey["year"]) & ~ey["is_converted"]
    ey["is_conversion"] = ey["is_converted"] & (ey["converted_on"].dt.year == ey["year"])
    prev = ey[["uscc", "year"]].copy()
    prev["year"] = prev["year"] + 1
    prev["was_in_scope"] = (ey["alive_end"] & ey["in_scope"]).values
    ey = ey.merge(prev, on=["uscc", "year"], how="left")
    ey["is_upgrade"] = ey["is_above_scale"] & ey["was_in_scope"].fillna(False).astype(bool)

    # --- regions: a county counts for itself and its city; the city code for the city only
    rollup = pd.concat([
        pd.DataFrame({"county_code": regions["region_code"], "region_code": regions["region_code"]}),
        regions[regions["level"] == "county"].rename(columns={"region_code": "county_code",
                                                              "parent_code": "region_code"})[
            ["county_code", "region_code"]],
    ])
    placed = ey.merge(rollup, on="county_code")

    # --- X per region-year
    index_regions = regions[regions["level"].isin(["city", "county"])]["region_code"]
    frame = pd.MultiIndex.from_product([years, sorted(index_regions)], names=["year", "region_code"])
    g = placed.groupby(["year", "region_code"])
    X = pd.DataFrame(index=frame)
    X["active"] = g.apply(lambda d: int((d["alive_end"] & d["in_scope"]).sum()))
    X["births"] = g.apply(lambda d: int((d["is_birth"] & d["in_scope"]).sum()))
    X["conversions"] = g.apply(lambda d: int((d["is_conversion"] & d["in_scope"]).sum()))
    X["upgrades"] = g.apply(lambda d: int(d["is_upgrade"].sum()))
    X[["active", "births", "conversions", "upgrades"]] = X[["active", "births", "conversions", "upgrades"]].fillna(0)
    # the first data year has no t−1 to test scope in: its upgrades are unknown, not 0
    X.loc[years[0], "upgrades"] = np.nan

    act = placed[placed["in_scope"] & placed["alive_end"]].copy()
    # 利税: a filing with one of the two parts still contributes that part
    act["profit_tax"] = act["profit"].fillna(0) + act["tax"].fillna(0)
    act.loc[act["profit"].isna() & act["tax"].isna(), "profit_tax"] = np.nan

    def sum_where(col, cond=None):
        d = act if cond is None else act[cond]
        return d.groupby(["year", "region_code"])[col].sum(min_count=1)

    X["revenue_sum"] = sum_where("revenue")
    X["employees_sum"] = sum_where("employees")
    X["assets_sum"] = sum_where("assets")
    X["profit_tax_sum"] = sum_where("profit_tax")

    def ratio(num, den):
        return (num / den.where(den != 0)).reindex(frame)

    X["asset_turnover"] = ratio(sum_where("revenue", act["assets"].notna()), sum_where("assets", act["revenue"].notna()))
    X["tech_staff_share"] = ratio(sum_where("tech_staff", act["employees"].notna()),
                                  sum_where("employees", act["tech_staff"].notna()))
    X["rd_intensity"] = ratio(sum_where("rd", act["revenue"].notna()), sum_where("revenue", act["rd"].notna()))
    X["labour_productivity"] = ratio(sum_where("revenue", act["employees"].notna()),
                                     sum_where("employees", act["revenue"].notna()))

    # 3-year survival: cohort = births (in scope) of t−3 placed at birth; survivors alive at the end of t
    cohorts = placed[placed["is_birth"] & placed["in_scope"]][["region_code", "year", "closed_on"]]
    surv = {}
    for y in years:
        c = cohorts[cohorts["year"] == y - 3]
        alive = c["closed_on"].isna() | (c["closed_on"] > pd.Timestamp(y, 12, 31))
        n = c.groupby("region_code").size()
        s = alive.groupby(c["region_code"]).sum()
        for r in n.index:
            surv[(y, r)] = s[r] / n[r]
    X["survival_3y"] = pd.Series(surv, dtype=float).reindex(frame)

    # --- plan indicators D: the whole-year row, else four quarters (flows summed, stocks at Q4)
    plan = read_extracts(data_dir, "plan_*.csv", PLAN_COLS)
    plan = plan.drop_duplicates(["year", "quarter", "region_code", "indicator_no"], keep="last")
    plan["year"] = plan["year"].astype(int)
    plan["indicator_no"] = plan["indicator_no"].astype(int)
    plan["value"] = pd.to_numeric(plan["value"])
    whole = plan[plan["quarter"].isna()].set_index(["year", "region_code", "indicator_no"])["value"]
    q = plan[plan["quarter"].notna()].merge(plan_ref[["indicator_no", "kind"]], on="indicator_no")
    qv = {}
    for key, d in q.groupby(["year", "region_code", "indicator_no"]):
        if d["quarter"].nunique() != 4:
            continue
        qv[key] = d.loc[d["quarter"] == "4", "value"].max() if d["kind"].iloc[0] == "stock" else d["value"].sum()
    pv = pd.Series(qv, dtype=float)
    pv.index.names = ["year", "region_code", "indicator_no"]
    pv = pd.concat([whole, pv[~pv.index.isin(whole.index)]])

    def plan_x(no):
        s = pv[pv.index.get_level_values("indicator_no") == no]
        return s.droplevel("indicator_no").reindex(frame)

    X["plan_12"] = plan_x(12)
    X["plan_15_16"] = plan_x(15) + plan_x(16)
    X["plan_17"] = plan_x(17)
    X["plan_18_19"] = plan_x(18) + plan_x(19)

    # --- base-year index: 100·X(t)/X(B); missing when either is missing or ≤ 0; means renormalise
    base = X.xs(BASE_YEAR, level="year")
    rows = []
    out = pd.DataFrame(index=frame)
    module_cols = []
    for m, (w, inds) in MODULES.items():
        cols = []
        for code, var in inds:
            b = base[var].reindex(frame.get_level_values("region_code")).values
            x = X[var].values
            ok = (b > 0) & (x > 0) & ~np.isnan(b) & ~np.isnan(x)
            out[code] = np.where(ok, 100 * x / np.where(ok, b, 1), np.nan)
            cols.append(code)
            for (y, r), raw, v in zip(frame, x, out[code].values):
                rows.append((y, r, "indicator", code, raw, v))
        out[m] = out[cols].mean(axis=1, skipna=True)
        module_cols.append(m)
    weights = pd.Series({m: MODULES[m][0] for m in MODULES})
    vals = out[module_cols]
    wmat = vals.notna().mul(weights, axis=1)
    out["total"] = (vals.fillna(0) * weights).sum(axis=1) / wmat.sum(axis=1).replace(0, np.nan)
    for m in module_cols + ["total"]:
        level = "total" if m == "total" else "module"
        for (y, r), v in zip(frame, out[m].values):
            rows.append((y, r, level, m, np.nan, v))
    res = pd.DataFrame(rows, columns=["year", "region_code", "level", "code", "raw_value", "value"])
    res.to_csv(out_path, index=False, float_format="%.17g")


if __name__ == "__main__":
    main(*sys.argv[1:4])
