-- Removes rows of silos that are no longer active and have not reported alive since the cut-off.
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
