-- A first write (no ETag) inserts version 1; a later write updates only the version it read.
-- No row comes back on a stale ETag, which Orleans turns into InconsistentStateException.
INSERT INTO orleans_storage
    (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, grain_id_hash, grain_type_hash, payload, version, modified_on)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''), @GrainIdHash, @GrainTypeHash,
       CAST(@PayloadBinary AS TEXT), 1, strftime('%Y-%m-%d %H:%M:%f', 'now')
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM orleans_storage
              WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
                AND grain_id_n1 = @GrainIdN1 AND grain_id_extension = COALESCE(@GrainIdExtensionString, ''))
ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension) DO UPDATE
    SET payload = excluded.payload, version = version + 1, modified_on = excluded.modified_on
    WHERE version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion
