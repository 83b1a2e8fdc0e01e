UPDATE orleans_storage
SET payload = NULL, version = version + 1, modified_on = strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension = COALESCE(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion
