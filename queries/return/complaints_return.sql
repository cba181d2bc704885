-- complaints_return.csv (contract §7): per org and legal entity, a row for all products ('*') and a
-- row per product, over the cases counted in the period (return_cases). Rows whose every figure
-- is zero are left out except '*' rows; an org with no counted case writes a nil return: one '*'
-- row with an empty legal entity and every figure zero. redress is written with two decimals.
-- Parameters: none.
WITH groups AS (
    SELECT org, legal_entity, product, count(*) FILTER (WHERE opened) AS opened,
           count(*) FILTER (WHERE closed) AS closed,
           count(*) FILTER (WHERE closed_within_3bd) AS closed_within_3bd,
           count(*) FILTER (WHERE closed_3bd_to_8w) AS closed_3bd_to_8w,
           count(*) FILTER (WHERE closed_after_8w) AS closed_after_8w,
           count(*) FILTER (WHERE upheld) AS upheld,
           coalesce(sum(redress) FILTER (WHERE closed), 0)::DECIMAL(18, 2) AS redress,
           count(*) FILTER (WHERE outstanding_start) AS outstanding_start,
           count(*) FILTER (WHERE outstanding_end) AS outstanding_end,
           count(*) FILTER (WHERE opened AND vulnerable) AS vulnerable_opened,
           count(*) FILTER (WHERE closed AND vulnerable) AS vulnerable_closed,
           count(*) FILTER (WHERE upheld AND vulnerable) AS vulnerable_upheld
    FROM (SELECT org, legal_entity, '*' AS product, * EXCLUDE (org, legal_entity, product) FROM return_cases
          UNION ALL BY NAME
          SELECT * FROM return_cases)
    GROUP BY org, legal_entity, product
),
nil AS (
    SELECT p.org, '' AS legal_entity, '*' AS product, 0 AS opened, 0 AS closed, 0 AS closed_within_3bd,
           0 AS closed_3bd_to_8w, 0 AS closed_after_8w, 0 AS upheld, 0::DECIMAL(18, 2) AS redress,
           0 AS outstanding_start, 0 AS outstanding_end, 0 AS vulnerable_opened, 0 AS vulnerable_closed, 0 AS vulnerable_upheld
    FROM return_periods p ANTI JOIN return_cases c ON c.org = p.org
)
SELECT g.org, g.legal_entity, p.period, g.product, g.opened, g.closed, g.closed_within_3bd, g.closed_3bd_to_8w,
       g.closed_after_8w, g.upheld, CAST(g.redress AS VARCHAR) AS redress, g.outstanding_start, g.outstanding_end,
       g.vulnerable_opened, g.vulnerable_closed, g.vulnerable_upheld
FROM (SELECT * FROM groups
      WHERE product = '*' OR opened + closed + upheld + outstanding_start + outstanding_end + vulnerable_opened
                             + vulnerable_closed + vulnerable_upheld > 0 OR redress <> 0
      UNION ALL BY NAME SELECT * FROM nil) g
JOIN return_periods p ON p.org = g.org
ORDER BY g.org, g.legal_entity, g.product <> '*', g.product;
