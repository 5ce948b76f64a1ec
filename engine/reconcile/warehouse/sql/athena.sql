-- FOCUS bill lines summed into tollgate Charges: Amazon Athena (engine
-- version 3, Presto/Trino SQL), over the FOCUS 1.0 table of an AWS Data
-- Export ("focus" in the database your export's CloudFormation/Glue
-- crawler created; its column names are lower case, which Athena matches
-- case-insensitively).
--
--   aws athena start-query-execution --work-group primary \
--     --query-string file://athena.sql \
--     --execution-parameters "TIMESTAMP '2024-09-01 00:00:00'" "TIMESTAMP '2024-10-01 00:00:00'"
--
-- Replace focus_db.focus with your database.table. The export's
-- timestamps are UTC without a zone, so CAST(… AS DATE) is the UTC day.
-- Its partition column billing_period ('2024-09') prunes the scan: add
-- AND billing_period = '2024-09' to the WHERE. Tags is a map(varchar,
-- varchar). Output columns: see README.md.
SELECT
    malformed                               AS x_Malformed,
    resource_id                             AS ResourceId,
    service_name                            AS ServiceName,
    charge_day                              AS ChargePeriodStart,
    date_add('day', 1, charge_day)   AS ChargePeriodEnd,
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
        CASE WHEN malformed IS NULL THEN CAST(ChargePeriodStart AS DATE) END          AS charge_day,
        CASE WHEN malformed IS NULL THEN LOWER(ChargeCategory) END                    AS charge_category,
        CASE WHEN malformed IS NULL THEN UPPER(BillingCurrency) END                   AS billing_currency,
        CASE WHEN malformed IS NULL AND ConsumedQuantity IS NOT NULL THEN NULLIF(LOWER(TRIM(ConsumedUnit)), '')
             WHEN malformed IS NULL AND PricingQuantity IS NOT NULL THEN NULLIF(LOWER(TRIM(PricingUnit)), '') END AS unit,
        -- DECIMAL, not DOUBLE: sums stay exact.
        CASE WHEN malformed IS NULL THEN CAST(BilledCost AS DECIMAL(38, 12)) END      AS billed_cost,
        CASE WHEN malformed IS NULL THEN CAST(EffectiveCost AS DECIMAL(38, 12)) END   AS effective_cost,
        CASE WHEN malformed IS NULL THEN CAST(ListCost AS DECIMAL(38, 12)) END        AS list_cost,
        CASE WHEN malformed IS NULL
             THEN CAST(COALESCE(ConsumedQuantity, PricingQuantity) AS DECIMAL(38, 12)) END AS quantity,
        CASE WHEN malformed IS NULL THEN COALESCE(RegionId, RegionName) END           AS region_id,
        CASE WHEN malformed IS NULL THEN json_format(CAST(Tags AS JSON)) END          AS tags,
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
        FROM focus_db.focus
        WHERE ChargePeriodStart IS NULL
           OR (ChargePeriodStart >= ? AND ChargePeriodStart < ?)
    ) AS line
) AS checked
GROUP BY malformed, resource_id, service_name, charge_day, charge_category, billing_currency, unit
