CREATE OR REPLACE TEMP TABLE report_months (org VARCHAR, month VARCHAR, start_at TIMESTAMPTZ, end_at TIMESTAMPTZ);
CREATE OR REPLACE TEMP TABLE report_params (month VARCHAR, first_month VARCHAR, min_cases BIGINT, default_target DOUBLE, due_soon_days BIGINT);
