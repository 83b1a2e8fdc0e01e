-- A first write (no ETag) inserts version 1; a later write updates only the version it read.
-- No row comes back on a stale ETag, which Orleans turns into InconsistentStateException.
INSERT INTO orleans_storage AS s
    (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_hash, grain_type_hash, payload, version, modified_on)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''), @GrainIdHash, @GrainTypeHash,
       convert_from(@PayloadBinary, 'UTF8')::json, 1, now()
WHERE @GrainStateVersion::integer IS NULL
   OR EXISTS (SELECT 1 FROM orleans_storage
              WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
                AND grain_id_n1 = @GrainIdN1 AND grain_id_extension = COALESCE(@GrainIdExtensionString, ''))
ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension) DO UPDATE
    SET payload = EXCLUDED.payload, version = s.version + 1, modified_on = EXCLUDED.modified_on
    WHERE s.version = @GrainStateVersion::integer
RETURNING s.version AS "NewGrainStateVersion"
