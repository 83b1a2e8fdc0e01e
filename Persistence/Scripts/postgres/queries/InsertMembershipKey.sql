-- Inserts the silo's row and bumps the cluster's version, both or neither, only while the version is the one the
-- silo read. The version row is locked first, so two silos holding the same version cannot both succeed.
WITH locked AS
(
    SELECT deployment_id FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
),
inserted AS
(
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM locked
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING deployment_id
),
bumped AS
(
    UPDATE orleans_membership_version AS v
    SET version = v.version + 1, modified_on = now()
    FROM inserted AS i
    WHERE v.deployment_id = i.deployment_id
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped)
