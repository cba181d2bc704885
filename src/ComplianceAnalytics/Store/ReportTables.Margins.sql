CREATE OR REPLACE TEMP TABLE outcome_margins (measure VARCHAR, margin DOUBLE, min_closed INTEGER)
