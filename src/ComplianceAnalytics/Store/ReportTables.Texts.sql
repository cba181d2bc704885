CREATE OR REPLACE TEMP TABLE report_texts (org VARCHAR, key VARCHAR, text VARCHAR);
CREATE OR REPLACE TEMP MACRO tr(o, k) AS coalesce(
    (SELECT any_value(report_texts.text) FROM report_texts WHERE report_texts.org = o AND report_texts.key = k),
    error('report_texts: no text ' || k || ' for ' || coalesce(o, 'no organisation')));
CREATE OR REPLACE TEMP MACRO num(o, x, d) AS replace(printf('%.' || d || 'f', x), '.', tr(o, 'number.decimal'));
CREATE OR REPLACE TEMP MACRO pct(o, x, d) AS format(tr(o, 'number.percent'), num(o, 100 * x, d));
CREATE OR REPLACE TEMP MACRO month_name(o, d) AS tr(o, 'month.' || month(d));
CREATE OR REPLACE TEMP MACRO month_year(o, d) AS format(tr(o, 'date.month_year'), month_name(o, d), year(d));
CREATE OR REPLACE TEMP MACRO long_local(o, t) AS format(tr(o, 'date.long'), day(t), month_name(o, t), year(t), strftime(t, '%H:%M'));
