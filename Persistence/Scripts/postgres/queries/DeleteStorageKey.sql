-- Returns the deleted version + 1: Orleans checks that it differs from the ETag it held.
DELETE FROM orleans_storage
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion::integer
RETURNING version + 1 AS "NewGrainStateVersion"
