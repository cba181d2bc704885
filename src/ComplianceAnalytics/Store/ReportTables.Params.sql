INSERT INTO report_params VALUES ($1, $2, $3, $4, $5)
