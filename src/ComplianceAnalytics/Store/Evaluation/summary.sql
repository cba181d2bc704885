-- The cases and stage instances of the evaluation at the as-of: every evaluated case of an organisation
-- with an as-of, and the instances the measures read.
SELECT (SELECT count(*) FROM evaluated_cases c SEMI JOIN temp.eval_as_of a ON a.org = c.org),
       (SELECT count(*) FROM temp.eval_stage_instances)
