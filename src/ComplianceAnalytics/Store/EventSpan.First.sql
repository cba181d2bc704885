SELECT epoch_us(min(occurred_at)) FROM events
