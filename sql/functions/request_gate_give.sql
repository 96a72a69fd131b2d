-- request_gate_give: the request that took gate p_name with lease p_lease (request_gate_take) has
-- been answered, or has failed: the next one may go p_interval seconds from now. Fenced on the
-- lease: a holder whose lease ran out (the gate went on without it) changes nothing.
CREATE OR REPLACE FUNCTION request_gate_give(
    p_name text, p_interval double precision, p_lease timestamptz
)
RETURNS void
LANGUAGE sql AS $$
    UPDATE request_gates SET next_at = clock_timestamp() + make_interval(secs => p_interval)
     WHERE name = p_name AND next_at = p_lease;
$$;
