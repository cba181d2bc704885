DROP TABLE IF EXISTS {staged};
DROP TABLE IF EXISTS {classified};
DROP TABLE IF EXISTS {customer_keys};
