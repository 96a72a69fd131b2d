-- request_gate_take: try to take gate p_name (request_gates, sql/020), shared by every process of
-- the deployment, for one request. The gate is free once next_at has passed: the taker sets
-- next_at to the end of its lease (p_hold seconds from now) and gets that lease back as its
-- token (wait 0); otherwise the caller gets the seconds until next_at (lease NULL) and tries
-- again. request_gate_give sets next_at p_interval seconds after the answer, so requests go one
-- at a time and the provider sees them at least p_interval apart, without any connection held
-- while the request is out (processing/places/gate.py); a holder that died frees the gate when
-- its lease ends. Nominatim's usage policy: one request a second.
CREATE OR REPLACE FUNCTION request_gate_take(
    p_name text, p_hold double precision, OUT wait double precision, OUT lease timestamptz
)
LANGUAGE plpgsql AS $$
DECLARE
    v_next timestamptz;
    v_now  timestamptz;
BEGIN
    INSERT INTO request_gates (name) VALUES (p_name) ON CONFLICT (name) DO NOTHING;
    SELECT next_at INTO v_next FROM request_gates WHERE name = p_name FOR UPDATE;
    v_now := clock_timestamp();
    IF v_next <= v_now THEN
        lease := v_now + make_interval(secs => p_hold);
        UPDATE request_gates SET next_at = lease WHERE name = p_name;
        wait := 0;
    ELSE
        wait := extract(epoch FROM (v_next - v_now));
    END IF;
END;
$$;
