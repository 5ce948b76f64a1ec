-- FOCUS bill lines summed into tollgate Charges: PostgreSQL.
--
--   PGTZ=UTC psql "$DSN" -v table=billing.focus \
--     -v start=2024-09-01T00:00:00Z -v end=2024-10-01T00:00:00Z -f postgres.sql
--
-- Assumes typed FOCUS columns (costs numeric, ChargePeriodStart
-- timestamptz or timestamp in UTC). `tollgate reconcile --billing-sql`
-- runs the same aggregation itself, and also reads text columns.
-- Output columns: see README.md.
SELECT
    malformed                               AS "x_Malformed",
    resource_id                             AS "ResourceId",
    service_name                            AS "ServiceName",
    charge_day                              AS "ChargePeriodStart",
    charge_day + 1                          AS "ChargePeriodEnd",
    charge_category                         AS "ChargeCategory",
    billing_currency                        AS "BillingCurrency",
    unit                                    AS "ConsumedUnit",
    COUNT(*)                                AS "x_LineCount",
    SUM(billed_cost)                        AS "BilledCost",
    SUM(effective_cost)                     AS "EffectiveCost",
    SUM(list_cost)                          AS "ListCost",
    SUM(quantity)                           AS "ConsumedQuantity",
    MAX(region_id)                          AS "RegionId",
    MAX(tags)                               AS "Tags",
    MIN(period_start)                       AS "x_FirstChargeStart",
    MAX(GREATEST(period_end, period_start)) AS "x_LastChargeEnd"
FROM (
    SELECT
        malformed,
        CASE WHEN malformed IS NULL THEN NULLIF("ResourceId", '') END                     AS resource_id,
        CASE WHEN malformed IS NULL THEN "ServiceName" END                                AS service_name,
        CASE WHEN malformed IS NULL
             THEN CAST(CAST("ChargePeriodStart" AS timestamptz) AT TIME ZONE 'UTC' AS date) END AS charge_day,
        CASE WHEN malformed IS NULL THEN LOWER("ChargeCategory") END                      AS charge_category,
        CASE WHEN malformed IS NULL THEN UPPER("BillingCurrency") END                     AS billing_currency,
        -- ConsumedQuantity, else PricingQuantity, in its own unit; none without one.
        CASE WHEN malformed IS NULL AND "ConsumedQuantity" IS NOT NULL THEN NULLIF(LOWER(BTRIM("ConsumedUnit")), '')
             WHEN malformed IS NULL AND "PricingQuantity" IS NOT NULL THEN NULLIF(LOWER(BTRIM("PricingUnit")), '') END AS unit,
        CASE WHEN malformed IS NULL THEN CAST("BilledCost" AS numeric) END                AS billed_cost,
        CASE WHEN malformed IS NULL THEN CAST("EffectiveCost" AS numeric) END             AS effective_cost,
        CASE WHEN malformed IS NULL THEN CAST("ListCost" AS numeric) END                  AS list_cost,
        CASE WHEN malformed IS NULL
             THEN CAST(COALESCE("ConsumedQuantity", "PricingQuantity") AS numeric) END   AS quantity,
        CASE WHEN malformed IS NULL THEN COALESCE("RegionId", "RegionName") END           AS region_id,
        CASE WHEN malformed IS NULL THEN CAST("Tags" AS text) END                         AS tags,
        CASE WHEN malformed IS NULL THEN CAST("ChargePeriodStart" AS timestamptz) END     AS period_start,
        CASE WHEN malformed IS NULL THEN CAST("ChargePeriodEnd" AS timestamptz) END       AS period_end
    FROM (
        SELECT
            *,
            CASE
                WHEN "ChargePeriodStart" IS NULL THEN 'no ChargePeriodStart'
                WHEN "ChargePeriodEnd" IS NULL THEN 'no ChargePeriodEnd'
                WHEN "ChargeCategory" IS NULL
                  OR LOWER("ChargeCategory") NOT IN ('usage', 'purchase', 'tax', 'credit', 'adjustment')
                  THEN 'bad ChargeCategory'
                WHEN "BilledCost" IS NULL THEN 'no BilledCost'
            END AS malformed
        FROM :table
        WHERE "ChargePeriodStart" IS NULL
           OR ("ChargePeriodStart" >= CAST(:'start' AS timestamptz) AND "ChargePeriodStart" < CAST(:'end' AS timestamptz))
    ) AS line
) AS checked
GROUP BY malformed, resource_id, service_name, charge_day, charge_category, billing_currency, unit
ORDER BY malformed NULLS FIRST, resource_id NULLS FIRST, service_name, charge_day, charge_category, billing_currency, unit;
