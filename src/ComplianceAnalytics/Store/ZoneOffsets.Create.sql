-- The bucket shift is ZoneOffsets.BucketBits, put in from code (a constant, never input).
CREATE OR REPLACE TEMP TABLE policy_zone_offsets (org VARCHAR, bucket BIGINT, start_us BIGINT, end_us BIGINT, offset_us BIGINT);
CREATE OR REPLACE TEMP MACRO local_time(org_id, t) AS
    (SELECT make_timestamp(epoch_us(t) + z.offset_us) FROM policy_zone_offsets z
     WHERE z.org = org_id AND z.bucket = (epoch_us(t) >> {bucket_bits})
       AND epoch_us(t) >= z.start_us AND epoch_us(t) < z.end_us);
