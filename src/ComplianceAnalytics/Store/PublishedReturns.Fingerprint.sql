SELECT fingerprint FROM published_returns WHERE period = $1
