-- Updates the silo's row and bumps the cluster's version, both or neither, only while the version is the one read.
WITH locked AS
(
    SELECT deployment_id FROM orleans_membership_version
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
),
updated AS
(
    UPDATE orleans_membership AS m
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM locked AS l
    WHERE m.deployment_id = l.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deployment_id
),
bumped AS
(
    UPDATE orleans_membership_version AS v
    SET version = v.version + 1, modified_on = now()
    FROM updated AS u
    WHERE v.deployment_id = u.deployment_id
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped)
