WITH inserted AS
(
    INSERT INTO orleans_membership_version (deployment_id, version, modified_on)
    VALUES (@DeploymentId, 0, now())
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM inserted)
