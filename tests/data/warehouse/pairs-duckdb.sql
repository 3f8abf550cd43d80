-- merchbench: {"dialect":"duckdb","excludeSources":["subscription_contract"],"excludeTags":["Subscription Recurring Order"],"excludedProducts":["BANK CHARGES","FEE\\X","GIFT'CARD","POST"],"minConfidence":0.05,"minCount":2,"minSupport":0.001,"topMinCount":3,"topPerAnchor":50}
-- Pair statistics over shop.sales.order_lines for `merchbench-cli import mined` (written by merchbench-cli warehouse sql).
-- A basket is the distinct SKUs with quantity > 0 of one order that is not left out; every count is an
-- integer and every ratio one IEEE double division, formed as core/mining/pairstatistics.cpp forms it.
-- Non-merchandise SKUs (4) are in no basket: an order holding nothing else is none.
WITH order_lines AS (
  SELECT TRIM(CAST("order_id" AS VARCHAR), ' ' || CHR(9) || CHR(10) || CHR(13)) AS order_id,
         TRIM(CAST("sku" AS VARCHAR), ' ' || CHR(9) || CHR(10) || CHR(13)) AS sku,
         "quantity" AS quantity,
         CASE WHEN COALESCE("is_cancelled", FALSE)
           OR LOWER(TRIM(CAST("financial_status" AS VARCHAR), ' ' || CHR(9) || CHR(10) || CHR(13))) IN ('voided', 'cancelled')
           OR STRPOS(',' || REGEXP_REPLACE(LOWER(TRIM(CAST("tags" AS VARCHAR), ' ' || CHR(9) || CHR(10) || CHR(13))), '\s*,\s*', ',', 'g') || ',', ',subscription recurring order,') > 0
           OR LOWER(TRIM(CAST("source_name" AS VARCHAR), ' ' || CHR(9) || CHR(10) || CHR(13))) IN ('subscription_contract') THEN 1 ELSE 0 END AS left_out
  FROM "shop"."sales"."order_lines"
),
valid_lines AS (
  SELECT * FROM order_lines WHERE order_id <> '' AND sku <> ''
),
left_out_orders AS (
  SELECT DISTINCT order_id FROM valid_lines WHERE left_out = 1
),
basket_items AS (
  SELECT DISTINCT l.order_id, l.sku
  FROM valid_lines l
  LEFT JOIN left_out_orders x ON x.order_id = l.order_id
  WHERE l.quantity > 0 AND x.order_id IS NULL
    AND l.sku NOT IN (
      'BANK CHARGES', 'FEE\X', 'GIFT''CARD', 'POST')
),
baskets AS (
  SELECT COUNT(DISTINCT order_id) AS n FROM basket_items
),
item_counts AS (
  SELECT sku, COUNT(*) AS n FROM basket_items GROUP BY sku
),
frequent AS (
  SELECT i.sku, i.n, ROW_NUMBER() OVER (ORDER BY i.sku) AS item
  FROM item_counts i
  CROSS JOIN baskets t
  WHERE (i.n >= 2 AND CAST(i.n AS DOUBLE) / CAST(t.n AS DOUBLE) >= CAST(0.001 AS DOUBLE)) OR i.n >= 3
),
frequent_items AS (
  SELECT b.order_id, f.item
  FROM basket_items b
  JOIN frequent f ON f.sku = b.sku
),
pair_counts AS (
  SELECT a.item AS a_item, c.item AS c_item, COUNT(*) AS n
  FROM frequent_items a
  JOIN frequent_items c ON c.order_id = a.order_id AND c.item > a.item
  CROSS JOIN baskets t
  GROUP BY a.item, c.item, t.n
  HAVING (COUNT(*) >= 2 AND CAST(COUNT(*) AS DOUBLE) / CAST(t.n AS DOUBLE) >= CAST(0.001 AS DOUBLE)) OR COUNT(*) >= 3
),
directed AS (
  SELECT a_item, c_item, n FROM pair_counts
  UNION ALL
  SELECT c_item, a_item, n FROM pair_counts
),
rules AS (
  SELECT fa.sku AS antecedent, fc.sku AS consequent, p.n AS n_ab, fa.n AS n_a, fc.n AS n_c, t.n AS n_baskets,
         ROW_NUMBER() OVER (PARTITION BY p.a_item ORDER BY p.n DESC, fc.sku) AS anchor_rank
  FROM directed p
  JOIN frequent fa ON fa.item = p.a_item
  JOIN frequent fc ON fc.item = p.c_item
  CROSS JOIN baskets t
)
SELECT antecedent, consequent, n_ab AS "count",
       CAST(n_ab AS DOUBLE) / CAST(n_baskets AS DOUBLE) AS support,
       CAST(n_ab AS DOUBLE) / CAST(n_a AS DOUBLE) AS confidence,
       CAST(n_ab AS DOUBLE) * CAST(n_baskets AS DOUBLE) / (CAST(n_a AS DOUBLE) * CAST(n_c AS DOUBLE)) AS lift,
       CAST(n_ab AS DOUBLE) / SQRT(CAST(n_a AS DOUBLE) * CAST(n_c AS DOUBLE)) AS cosine,
       n_a AS antecedent_count, n_c AS consequent_count, n_baskets AS baskets
FROM rules
WHERE (n_ab >= 2 AND CAST(n_ab AS DOUBLE) / CAST(n_baskets AS DOUBLE) >= CAST(0.001 AS DOUBLE) AND CAST(n_ab AS DOUBLE) / CAST(n_a AS DOUBLE) >= CAST(0.05 AS DOUBLE))
   OR (n_ab >= 3 AND anchor_rank <= 50)
ORDER BY antecedent, consequent;
