-- FOCUS bill lines summed into tollgate Charges: Google BigQuery
-- (GoogleSQL), over a table or view of FOCUS columns.
--
--   bq query --use_legacy_sql=false \
--     --parameter='period_start:TIMESTAMP:2024-09-01 00:00:00 UTC' \
--     --parameter='period_end:TIMESTAMP:2024-10-01 00:00:00 UTC' \
--     --format=csv < bigquery.sql
--
-- Replace your-project.billing.focus with your table. DATE() of a
-- TIMESTAMP is its UTC day. Assumes Tags is JSON or a JSON string; if it
-- is ARRAY<STRUCT<key STRING, value STRING>> (as in Google's FOCUS view
-- x_ columns), use (SELECT TO_JSON_STRING(JSON_OBJECT(ARRAY_AGG(t.key),
-- ARRAY_AGG(t.value))) FROM UNNEST(Tags) AS t) instead. Costs sum as
-- BIGNUMERIC, exactly. Output columns: see README.md.
SELECT
    malformed                               AS x_Malformed,
    resource_id                             AS ResourceId,
    service_name                            AS ServiceName,
    charge_day                              AS ChargePeriodStart,
    DATE_ADD(charge_day, INTERVAL 1 DAY) AS ChargePeriodEnd,
    charge_category                         AS ChargeCategory,
    billing_currency                        AS BillingCurrency,
    unit                                    AS ConsumedUnit,
    COUNT(*)                                AS x_LineCount,
    SUM(billed_cost)                        AS BilledCost,
    SUM(effective_cost)                     AS EffectiveCost,
    SUM(list_cost)                          AS ListCost,
    SUM(quantity)                           AS ConsumedQuantity,
    MAX(region_id)                          AS RegionId,
    MAX(tags)                               AS Tags,
    MIN(period_start)                       AS x_FirstChargeStart,
    MAX(GREATEST(period_end, period_start)) AS x_LastChargeEnd
FROM (
    SELECT
        malformed,
        CASE WHEN malformed IS NULL THEN NULLIF(ResourceId, '') END                   AS resource_id,
        CASE WHEN malformed IS NULL THEN ServiceName END                              AS service_name,
        CASE WHEN malformed IS NULL THEN DATE(ChargePeriodStart) END                  AS charge_day,
        CASE WHEN malformed IS NULL THEN LOWER(ChargeCategory) END                    AS charge_category,
        CASE WHEN malformed IS NULL THEN UPPER(BillingCurrency) END                   AS billing_currency,
        CASE WHEN malformed IS NULL AND ConsumedQuantity IS NOT NULL THEN NULLIF(LOWER(TRIM(ConsumedUnit)), '')
             WHEN malformed IS NULL AND PricingQuantity IS NOT NULL THEN NULLIF(LOWER(TRIM(PricingUnit)), '') END AS unit,
        CASE WHEN malformed IS NULL THEN CAST(BilledCost AS BIGNUMERIC) END           AS billed_cost,
        CASE WHEN malformed IS NULL THEN CAST(EffectiveCost AS BIGNUMERIC) END        AS effective_cost,
        CASE WHEN malformed IS NULL THEN CAST(ListCost AS BIGNUMERIC) END             AS list_cost,
        CASE WHEN malformed IS NULL
             THEN CAST(COALESCE(ConsumedQuantity, PricingQuantity) AS BIGNUMERIC) END AS quantity,
        CASE WHEN malformed IS NULL THEN COALESCE(RegionId, RegionName) END           AS region_id,
        CASE WHEN malformed IS NULL THEN TO_JSON_STRING(Tags) END                     AS tags,
        CASE WHEN malformed IS NULL THEN ChargePeriodStart END                        AS period_start,
        CASE WHEN malformed IS NULL THEN ChargePeriodEnd END                          AS period_end
    FROM (
        SELECT
            *,
            CASE
                WHEN ChargePeriodStart IS NULL THEN 'no ChargePeriodStart'
                WHEN ChargePeriodEnd IS NULL THEN 'no ChargePeriodEnd'
                WHEN ChargeCategory IS NULL
                  OR LOWER(ChargeCategory) NOT IN ('usage', 'purchase', 'tax', 'credit', 'adjustment')
                  THEN 'bad ChargeCategory'
                WHEN BilledCost IS NULL THEN 'no BilledCost'
            END AS malformed
        FROM `your-project.billing.focus`
        WHERE ChargePeriodStart IS NULL
           OR (ChargePeriodStart >= @period_start AND ChargePeriodStart < @period_end)
    ) AS line
) AS checked
GROUP BY malformed, resource_id, service_name, charge_day, charge_category, billing_currency, unit
