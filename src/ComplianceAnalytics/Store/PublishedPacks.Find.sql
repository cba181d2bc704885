SELECT fingerprint, policy_rules FROM published_packs WHERE month = $1
