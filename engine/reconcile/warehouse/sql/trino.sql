-- FOCUS bill lines summed into tollgate Charges: Trino.
--
--   PREPARE focus_charges FROM <this query>;
--   EXECUTE focus_charges USING TIMESTAMP '2024-09-01 00:00:00 UTC', TIMESTAMP '2024-10-01 00:00:00 UTC';
--
-- Replace focus.billing.lines with your catalog.schema.table. Run the
-- session in UTC (SET TIME ZONE 'UTC') so that days are UTC days.
-- Assumes Tags is a map(varchar, varchar) (as AWS Data Exports write
-- it); if it is JSON text already, use Tags instead of
-- json_format(CAST(Tags AS JSON)). Output columns: see README.md.
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
        FROM focus.billing.lines
        WHERE ChargePeriodStart IS NULL
           OR (ChargePeriodStart >= ? AND ChargePeriodStart < ?)
    ) AS line
) AS checked
GROUP BY malformed, resource_id, service_name, charge_day, charge_category, billing_currency, unit
